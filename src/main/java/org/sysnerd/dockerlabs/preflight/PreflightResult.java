package org.sysnerd.dockerlabs.preflight;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** All the preflight's findings; a lab is blocked by the first finding that blocks one of its needs. */
public record PreflightResult(List<Finding> findings) {

    public PreflightResult {
        findings = List.copyOf(findings);
    }

    /** The finding that keeps a lab with these needs from running, if any. */
    public Optional<Finding> blockerFor(Set<Need> needs) {
        return findings.stream().filter(f -> f.blocks().stream().anyMatch(needs::contains)).findFirst();
    }

    /** The findings that block something. */
    public List<Finding> blocking() {
        return findings.stream().filter(Finding::isBlocking).toList();
    }
}
