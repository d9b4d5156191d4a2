package org.sysnerd.dockerlabs.subject;

import java.util.Arrays;
import java.util.List;
import org.sysnerd.dockerlabs.facts.InspectedContainer;

/**
 * Q5's fix as a state: a container whose PID 1 stays alive, as the page's own check ({@code docker ps}) shows it: a
 * foreground process it was given ({@code alpine sleep 1000}, or {@code tail -f /dev/null}, {@code sleep infinity},
 * {@code sh -c 'while true; do sleep 1; done'}, {@code top}), run by an init process ({@code docker run --init}) or
 * not; or the image's shell kept waiting by a terminal or an open stdin ({@code docker run -dit alpine}), which the
 * evidence names. A pure function of {@code docker inspect} and the command name of its PID 1 in the host's {@code /proc}.
 *
 * @param imageCommand the image's default command ({@code docker image inspect -f '{{json .Config.Cmd}}'})
 */
public record ForegroundProcess(InspectedContainer container, List<String> imageCommand) {

    /** The kernel cuts a command name ({@code /proc/PID/comm}) to 15 characters. */
    private static final int COMM_LENGTH = 15;
    /** Init processes that run the given command as their child: Docker's {@code --init} (tini), Podman's catatonit. */
    private static final List<String> INITS = List.of("docker-init", "tini", "catatonit", "dumb-init");

    /** True when it was given no command of its own: it runs the image's default. */
    public boolean runsTheDefault() {
        return container.command().isEmpty() || container.command().equals(imageCommand);
    }

    /** True when the image's default (a shell) is kept waiting by {@code -t} or {@code -i}, with no command of its own. */
    public boolean keptByATerminal() {
        return (container.tty() || container.openStdin()) && runsTheDefault();
    }

    /** True when its PID 1 is the command it was given, or a program that command names ({@code sh -c 'exec sleep 1000'}). */
    public boolean isPid1(String comm) {
        return container.command().stream().flatMap(word -> Arrays.stream(word.split("[\\s;&|()]+")))
                .map(word -> word.substring(word.lastIndexOf('/') + 1)).filter(word -> !word.isEmpty())
                .anyMatch(word -> word.equals(comm) || comm.length() == COMM_LENGTH && word.startsWith(comm));
    }

    /** True when PID 1 is an init process that runs the given command as its child ({@code docker run --init}). */
    public boolean isInit(String comm) {
        return INITS.contains(comm);
    }

    /**
     * The fact: PID 1 stays alive because it was given a foreground process (it, or an init running it), or because a
     * terminal keeps the image's shell waiting: either way the page's {@code docker ps} shows it up.
     */
    public boolean holds(String comm) {
        return keptByATerminal() || !runsTheDefault() && (isPid1(comm) || isInit(comm));
    }
}
