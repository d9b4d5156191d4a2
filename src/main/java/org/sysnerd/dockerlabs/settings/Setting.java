package org.sysnerd.dockerlabs.settings;

/**
 * A setting a learner or a course gives as a system property or an environment variable, the property
 * winning (as for the image overrides): e.g. {@code -Dlabs.mode=learner} or {@code LABS_MODE=learner}.
 */
public record Setting(String property, String environmentVariable, String fallback) {

    /** A setting with no fallback: {@link #value()} is null when it is not set. */
    public static Setting optional(String property, String environmentVariable) {
        return new Setting(property, environmentVariable, null);
    }


    /**
     * The mode: {@code learner} (the learner's own containers: {@code ./mvnw test} grades your work) or {@code spec}
     * (the suite's own containers: {@code ./mvnw test -Pspec}, which sets it).
     */
    public static final Setting MODE = new Setting("labs.mode", "LABS_MODE", "learner");
    /** The name of the page's {@code docker run -d --name web nginx}. */
    public static final Setting WEB = new Setting("labs.learner.web", "LABS_LEARNER_WEB", "web");
    /** The host port of the page's {@code docker run -d -p 8080:80 nginx}. */
    public static final Setting PORT = new Setting("labs.learner.port", "LABS_LEARNER_PORT", "8080");
    /** The name of the page's {@code docker run --name gone alpine}. */
    public static final Setting GONE = new Setting("labs.learner.gone", "LABS_LEARNER_GONE", "gone");
    /** The name of the page's {@code docker run -d --name stayup alpine sleep 1000}. */
    public static final Setting STAYUP = new Setting("labs.learner.stayup", "LABS_LEARNER_STAYUP", "stayup");

    /** The name of Q6's {@code docker run -d --name limited --memory 64m --cpus 0.5 nginx} (beyond the page). */
    public static final Setting LIMITED = new Setting("labs.learner.limited", "LABS_LEARNER_LIMITED", "limited");

    /** Every limit of the kit ×N, for a slow host ({@code facts/TimeScale}); unset: 1. */
    public static final Setting TIME_SCALE = new Setting("labs.timeScale", "LABS_TIME_SCALE", null);
    /** How the host is read, forced: {@code direct} or {@code daemon} ({@code probe/ProbeChoice}); unset: chosen. */
    public static final Setting PROBE = new Setting("labs.probe", "LABS_PROBE", null);
    /** Keep the suite's containers after the run, to replay a lab. */
    public static final Setting KEEP = new Setting("labs.keep", "LABS_KEEP_CONTAINERS", "false");
    /** A file the run's phases are traced to ({@code journal/Trace}); unset: no trace. */
    public static final Setting TRACE = new Setting("labs.trace", "LABS_TRACE", null);

    /** The value set, or the fallback; a blank property (the pom passes {@code labs.mode} empty) counts as unset. */
    public String value() {
        for (String value : new String[] {System.getProperty(property), System.getenv(environmentVariable)}) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return fallback;
    }

    /** How to set it, for messages: {@code -Dlabs.mode / LABS_MODE}. */
    public String describe() {
        return "-D" + property + " / " + environmentVariable;
    }
}
