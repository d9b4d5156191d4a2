package org.sysnerd.dockerlabs.subject;

/**
 * A setting a learner or a course gives as a system property or an environment variable, the property
 * winning (as for the image overrides): e.g. {@code -Dlabs.mode=learner} or {@code LABS_MODE=learner}.
 */
public record Setting(String property, String environmentVariable, String fallback) {

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
