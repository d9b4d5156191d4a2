package org.sysnerd.dockerlabs.subject;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sysnerd.dockerlabs.assertions.LabFailure;
import org.sysnerd.dockerlabs.docker.ImageRef;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.facts.InspectedContainer;
import org.sysnerd.dockerlabs.facts.PortMapping;

/**
 * Finds the learner's container among all of the daemon's ({@code docker ps -a}, inspected), or says what is
 * wrong, from what is there: a pure function, tested on recorded {@code docker inspect} outputs.
 */
public final class LearnerLookup {

    private LearnerLookup() {
    }

    /**
     * The container the learner made for {@code wanted}; a lesson when there is none that fits.
     *
     * @param pageNames the names the page gives its containers, never offered as one to rename
     */
    public static InspectedContainer find(Wanted wanted, List<InspectedContainer> all, Set<String> pageNames) {
        List<InspectedContainer> learners = all.stream().filter(c -> !c.labels().containsKey(LabRun.SUITE_LABEL)).toList();
        return wanted.name() != null ? byName(wanted, learners, pageNames) : byPort(wanted, learners);
    }

    /**
     * The lesson of a lab that looks at a container another lab's task makes ({@code wanted.lab()}), which is not there
     * as that lab wants it: the lab and the container named, what is there, and no repeat of that lab's lesson.
     */
    public static LabFailure needed(String lab, Wanted wanted, List<InspectedContainer> all) {
        Optional<InspectedContainer> named = all.stream().filter(c -> !c.labels().containsKey(LabRun.SUITE_LABEL))
                .filter(c -> c.name().equals(wanted.name())).findFirst();
        String state = named.map(c -> !ImageRef.isOf(c.image(), wanted.image()) ? "runs " + c.image() + ", not "
                + wanted.imageName() : "is " + c.state()).orElse("does not exist");
        return new LabFailure(wanted.lab() + "'s " + wanted.name() + (wanted.mustRun() ? " running" : "") + " ("
                + wanted.solution() + "), which " + lab + " looks at", named.map(InspectedContainer::toString).orElse("no container named " + wanted.name()),
                lab + " needs " + wanted.lab() + "'s " + wanted.name() + ", which " + state + ": fix " + wanted.lab()
                        + " first (its lesson says how), and " + lab + " is graded on it",
                "docker ps -a --filter name=^" + wanted.name() + "$");
    }

    private static InspectedContainer byName(Wanted wanted, List<InspectedContainer> all, Set<String> pageNames) {
        Optional<InspectedContainer> named = all.stream().filter(c -> c.name().equals(wanted.name())).findFirst();
        if (named.isEmpty()) {
            List<String> sameImage = all.stream().filter(c -> ImageRef.isOf(c.image(), wanted.image()))
                    .filter(c -> !pageNames.contains(c.name()))
                    // one that publishes a port is the answer to Q3 (docker run -d -p 8080:80 nginx): renaming it undoes that lab
                    .filter(c -> c.ports().isEmpty())
                    .filter(c -> !wanted.mustRun() || c.running()).map(InspectedContainer::name).toList();
            throw lesson(wanted, "no container named " + wanted.name() + seenAmong(all), sameImage.isEmpty()
                    ? "you have not made it yet: " + wanted.solution()
                    : "no container of that name, but " + String.join(", ", sameImage) + " runs " + wanted.imageName()
                            + ": name yours " + wanted.name() + " (docker rename " + sameImage.get(0) + " " + wanted.name()
                            + "), or run " + wanted.solution());
        }
        InspectedContainer container = named.get();
        if (!ImageRef.isOf(container.image(), wanted.image())) {
            throw lesson(wanted, container.toString(), wanted.name() + " runs the image " + container.image() + ", not "
                    + wanted.imageName() + ": remove it (docker rm -f " + wanted.name() + ") and run " + wanted.solution());
        }
        if (wanted.mustRun() && !container.running()) {
            throw lesson(wanted, container.toString(), "paused".equals(container.state().status())
                    ? wanted.name() + " is paused (docker pause froze its processes): docker unpause " + wanted.name()
                    : wanted.name() + " exists but is not running (" + container.state() + "): see why with docker logs "
                            + wanted.name() + ", and start it again with docker start " + wanted.name());
        }
        return container;
    }

    private static InspectedContainer byPort(Wanted wanted, List<InspectedContainer> all) {
        Optional<InspectedContainer> found = all.stream().filter(InspectedContainer::running)
                .filter(c -> ImageRef.isOf(c.image(), wanted.image()))
                .filter(c -> c.publishes(wanted.hostPort(), wanted.containerPort())).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        throw lesson(wanted, seenPorts(all), whyNotPublished(wanted, all));
    }

    private static String whyNotPublished(Wanted wanted, List<InspectedContainer> all) {
        int host = wanted.hostPort();
        int port = wanted.containerPort();
        for (InspectedContainer c : all) {
            Optional<PortMapping> onHostPort = c.ports().stream().filter(p -> p.hostPort() == host).findFirst();
            if (onHostPort.isEmpty()) {
                continue;
            }
            if (onHostPort.get().containerPort() != port) {
                return c.name() + " publishes host port " + host + " to its port " + onHostPort.get().containerPort()
                        + ", not " + port + " (where nginx listens): " + wanted.solution();
            }
            if (!ImageRef.isOf(c.image(), wanted.image())) {
                return c.name() + " publishes host port " + host + " but runs " + c.image() + ", not " + wanted.imageName();
            }
            if (!c.running()) {
                return c.name() + " publishes host port " + host + " but is not running (" + c.state() + "): see docker logs "
                        + c.name() + ", start it with docker start " + c.name();
            }
        }
        List<String> otherPort = all.stream().filter(c -> ImageRef.isOf(c.image(), wanted.image()))
                .flatMap(c -> c.ports().stream().filter(p -> p.containerPort() == port && p.hostPort() != host)
                        .map(p -> c.name() + " publishes its port " + port + " on host port " + p.hostPort()))
                .distinct().toList();
        return otherPort.isEmpty() ? "nothing publishes host port " + host + ": " + wanted.solution()
                : String.join("; ", otherPort) + ", not " + host + ": " + wanted.solution();
    }

    private static LabFailure lesson(Wanted wanted, String seen, String why) {
        return new LabFailure(wanted.describe() + " (" + wanted.solution() + ")", seen, why,
                wanted.name() != null ? "docker ps -a --filter name=^" + wanted.name() + "$"
                        : "docker ps -a --format '{{.Names}} {{.Image}} {{.Status}} {{.Ports}}'");
    }

    private static String seenAmong(List<InspectedContainer> all) {
        return all.isEmpty() ? "; no containers at all" : "; there are: " + all.stream().map(InspectedContainer::toString)
                .collect(Collectors.joining("; "));
    }

    private static String seenPorts(List<InspectedContainer> all) {
        List<String> publishing = all.stream().filter(c -> !c.ports().isEmpty()).map(InspectedContainer::toString).toList();
        return publishing.isEmpty() ? "no container publishes a port" + seenAmong(all) : String.join("; ", publishing);
    }
}
