package org.sysnerd.dockerlabs.docker;

/** The lab page's alpine: with no command it runs {@code /bin/sh}, which exits at once without a terminal. */
public final class AlpineLab extends LabContainer<AlpineLab> {

    /** {@code docker run alpine [command]}, started as is: the lab watches whether it stays up. */
    public AlpineLab(LabRun run, String lab, String role, String... command) {
        super(run, LabImage.ALPINE, lab, role);
        if (command.length > 0) {
            withCommand(command);
        }
        startedAsIs();
    }

    /**
     * With {@code --network none}: what Q5 watches, PID 1's life, needs no network, and the daemon then makes none for
     * it (no veth pair, no bridge port, no rules), which is most of a start's work when the labs start theirs together.
     */
    public AlpineLab withoutNetwork() {
        withNetworkMode("none");
        return this;
    }
}
