package org.sysnerd.dockerlabs.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysnerd.dockerlabs.docker.EngineInfo;
import org.sysnerd.dockerlabs.preflight.Finding;
import org.sysnerd.dockerlabs.preflight.Observations;

/**
 * What a run hands its report besides the labs: its id, mode, start, engine, probe and preflight. It travels from the
 * run (in JUnit's engine) to the report listener (in the launcher) as one reporting entry, JUnit's channel between them.
 */
record RunFacts(String runId, String mode, String startedAt, Map<String, Object> engine, String probe,
                List<Finding> preflight) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The facts of a run, as far as its preflight got. */
    static RunFacts of(KitRun kit) {
        Observations seen = kit.session().observations();
        return new RunFacts(kit.run().id(), kit.mode().map(Object::toString).orElse("invalid"),
                kit.session().started().toString(), engineFacts(seen),
                seen == null ? "no probe (the preflight did not run)" : seen.probe().describe(),
                kit.session().preflightIfRun().findings());
    }

    /** The engine's facts for the report; empty when Docker was not reached. */
    private static Map<String, Object> engineFacts(Observations seen) {
        Map<String, Object> facts = new LinkedHashMap<>();
        EngineInfo engine = seen == null ? null : seen.engine();
        if (engine != null) {
            facts.put("summary", engine.summary());
            facts.put("version", String.valueOf(engine.serverVersion()));
            facts.put("operatingSystem", String.valueOf(engine.operatingSystem()));
            facts.put("storageDriver", String.valueOf(engine.storageDriver()));
            facts.put("containerdStore", engine.containerdStore());
            facts.put("cgroupVersion", String.valueOf(engine.cgroupVersion()));
            facts.put("cgroupDriver", String.valueOf(engine.cgroupDriver()));
            facts.put("firewallBackend", engine.firewallBackend().name().toLowerCase());
            facts.put("rootless", engine.rootless());
            facts.put("desktop", engine.desktop());
            facts.put("podman", seen.podman());
        }
        return facts;
    }

    /** As the reporting entry carries it. */
    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the run's facts could not be written as JSON", e);
        }
    }

    /** Read back from the reporting entry. */
    static RunFacts fromJson(String json) {
        try {
            return JSON.readValue(json, RunFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the run's facts could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
