package org.sysnerd.dockerlabs.preflight;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sysnerd.dockerlabs.docker.EngineInfo;

/**
 * What the preflight saw, before any decision: the raw material of {@link Preflight#decide}.
 *
 * @param dockerError   why Docker could not be reached, or null when it answered
 * @param engine        {@code docker info}, or null when Docker could not be reached
 * @param podman        true when the engine is Podman's Docker-compatible API ({@link EngineInfo#podman()})
 * @param imageProblems per image the run needs (by logical name: "nginx", "alpine", and
 *                      Testcontainers' own: "ryuk", "gateway"), why it cannot be had;
 *                      absent when fine
 * @param probe         how the host facts are read (direct or through the daemon)
 * @param hostProblem   why the daemon host's /proc and mounts cannot be read, or null
 * @param natProblem    why the nat table cannot be read, or null
 * @param linksProblem  why the host's interfaces cannot be read ({@code ip -j -d addr show}), or null
 */
public record Observations(String dockerHost, String dockerError, EngineInfo engine, boolean podman,
                           Map<String, ImageProblem> imageProblems, Probe probe, String hostProblem, String natProblem,
                           String linksProblem) {

    public Observations {
        imageProblems = Collections.unmodifiableMap(new LinkedHashMap<>(imageProblems));
    }
}
