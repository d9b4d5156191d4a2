package org.sysnerd.dockerlabs.preflight;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** All the preflight's findings; a lab is blocked by every finding that blocks one of its needs, each named. */
public record PreflightResult(List<Finding> findings) {

    public PreflightResult {
        findings = List.copyOf(findings);
    }

    /**
     * What keeps a lab with these needs from running, if anything: the one finding, or several as one (each cause
     * on its own line, each fix once, joined by "; and "), so that a lab needing two missing images names both.
     */
    public Optional<Finding> blockerFor(Set<Need> needs) {
        List<Finding> blockers = findings.stream().filter(f -> f.blocks().stream().anyMatch(needs::contains)).toList();
        if (blockers.size() <= 1) {
            return blockers.stream().findFirst();
        }
        Set<Need> blocked = EnumSet.noneOf(Need.class);
        blockers.forEach(f -> blocked.addAll(f.blocks()));
        return Optional.of(new Finding(blockers.stream().map(Finding::check).collect(Collectors.joining(", ")),
                blockers.stream().map(f -> f.found().strip()).collect(Collectors.joining("\n")), blocked,
                blockers.stream().map(Finding::fix).filter(Objects::nonNull).distinct().collect(Collectors.joining("; and "))));
    }

    /** The findings that block something. */
    public List<Finding> blocking() {
        return findings.stream().filter(Finding::isBlocking).toList();
    }
}
