package org.sysnerd.dockerlabs.subject;

import java.util.Arrays;
import java.util.List;
import org.sysnerd.dockerlabs.facts.InspectedContainer;

/**
 * Q5's fix as a state: a container kept up by a foreground process it was given ({@code alpine sleep 1000}, or
 * {@code tail -f /dev/null}, {@code sleep infinity}, {@code sh -c 'while true; do sleep 1; done'}), not by the image's
 * default shell waiting on a terminal or an open stdin ({@code docker run -it alpine}). A pure function of
 * {@code docker inspect} and the command name of its PID 1 in the host's {@code /proc}.
 *
 * @param imageCommand the image's default command ({@code docker image inspect -f '{{json .Config.Cmd}}'})
 */
public record ForegroundProcess(InspectedContainer container, List<String> imageCommand) {

    /** The kernel cuts a command name ({@code /proc/PID/comm}) to 15 characters. */
    private static final int COMM_LENGTH = 15;

    /** True when it was given no command of its own: it runs the image's default. */
    public boolean runsTheDefault() {
        return container.command().isEmpty() || container.command().equals(imageCommand);
    }

    /** True when a lone program with no arguments (a shell, cat) is kept waiting by {@code -t} or {@code -i}. */
    public boolean keptByATerminal() {
        return (container.tty() || container.openStdin()) && container.command().size() <= 1;
    }

    /** True when its PID 1 is the command it was given, or a program that command names ({@code sh -c 'exec sleep 1000'}). */
    public boolean isPid1(String comm) {
        return container.command().stream().flatMap(word -> Arrays.stream(word.split("[\\s;&|()]+")))
                .map(word -> word.substring(word.lastIndexOf('/') + 1)).filter(word -> !word.isEmpty())
                .anyMatch(word -> word.equals(comm) || comm.length() == COMM_LENGTH && word.startsWith(comm));
    }

    /** The fact: its PID 1 is a foreground process of its own, the one it was given. */
    public boolean holds(String comm) {
        return !runsTheDefault() && !keptByATerminal() && isPid1(comm);
    }
}
