package org.sysnerd.dockerlabs.docker;

/** The lab page's alpine: with no command it runs {@code /bin/sh}, which exits at once without a terminal. */
public final class AlpineLab extends LabContainer<AlpineLab> {

    /** {@code docker run alpine [command]}, started as is: the lab watches whether it stays up. */
    public AlpineLab(String lab, String role, String... command) {
        super(LabImage.ALPINE, lab, role);
        if (command.length > 0) {
            withCommand(command);
        }
        startedAsIs();
    }
}
