package org.sysnerd.dockerlabs.subject;

import org.sysnerd.dockerlabs.settings.Setting;
import org.sysnerd.dockerlabs.docker.AlpineLab;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabImage;
import org.sysnerd.dockerlabs.docker.LabRun;
import org.sysnerd.dockerlabs.docker.LimitedNginx;
import org.sysnerd.dockerlabs.docker.MemoryHog;
import org.sysnerd.dockerlabs.docker.NginxLab;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;

/**
 * The containers of the lab page's solutions, as the labs look at them: in the spec mode the suite's own
 * (unique names, free ports), in the learner mode the learner's (the page's names and port). The one place
 * that decides whose, from the run's mode; one per run.
 */
public final class Subjects {

    private final LabMode mode;
    private final LabRun run;
    private final Engine engine;
    private final LearnerContainers learners;
    private final Subject web;

    /** The subjects of one run, in its mode, on its engine; the learner's are looked for among {@code learners}. */
    public Subjects(LabMode mode, LabRun run, Engine engine, LearnerContainers learners) {
        this.mode = mode;
        this.run = run;
        this.engine = engine;
        this.learners = learners;
        this.web = mode == LabMode.SPEC ? new SuiteSubject(engine, NginxLab.web(run))
                : new LearnerSubject(engine, Wanted.named(Setting.WEB.value(), LabImage.NGINX, true,
                        "docker run -d --name " + Setting.WEB.value() + " nginx").madeIn("Q1"), learners);
    }

    /** The page's container for this lab. */
    public Subject of(PageContainer container, String lab) {
        return switch (container) {
            case WEB -> web;
            case PUBLISHED_NGINX -> publishedNginx(lab);
            case EXITS_AT_ONCE -> exitsAtOnce(lab);
            case STAYS_UP -> staysUp(lab);
            case LIMITED_NGINX -> limitedNginx(lab);
        };
    }

    /** The page's {@code docker run -d -p 8080:80 nginx}; the suite publishes a free port instead of 8080. */
    private Subject publishedNginx(String lab) {
        if (mode == LabMode.SPEC) {
            return new SuiteSubject(engine, new NginxLab(run, lab).publishingHttp());
        }
        int port = learnersPort();
        return new LearnerSubject(engine, Wanted.publishing(port, NginxLab.HTTP_PORT, LabImage.NGINX,
                "docker run -d -p " + port + ":" + NginxLab.HTTP_PORT + " nginx"), learners);
    }

    private static int learnersPort() {
        String value = Setting.PORT.value();
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
            throw new HostFactUnavailable(Setting.PORT.describe() + " is '" + value + "', which is no port",
                    "set it to the host port the course's page publishes (8080 on the page), or unset it");
        }
        return Integer.parseInt(value);
    }

    /** The page's {@code docker run --name gone alpine}, which exits at once. */
    private Subject exitsAtOnce(String lab) {
        return mode == LabMode.SPEC ? new SuiteSubject(engine, new AlpineLab(run, lab, "exits-at-once").withoutNetwork())
                : new LearnerSubject(engine, Wanted.named(Setting.GONE.value(), LabImage.ALPINE, false,
                        "docker run --name " + Setting.GONE.value() + " alpine"), learners);
    }

    /** The page's {@code docker run -d --name stayup alpine sleep 1000}, which stays up. */
    private Subject staysUp(String lab) {
        return mode == LabMode.SPEC ? new SuiteSubject(engine, new AlpineLab(run, lab, "stays-up", "sleep", "1000").withoutNetwork())
                : new LearnerSubject(engine, Wanted.named(Setting.STAYUP.value(), LabImage.ALPINE, false,
                        "docker run -d --name " + Setting.STAYUP.value() + " alpine sleep 1000"), learners);
    }

    /**
     * Q6's allocation past a limit, the suite's own for a spec-only fact: null in the learner mode, which starts no
     * container (nor loads Testcontainers' container classes).
     */
    public MemoryHog memoryHog(String lab, Journal journal) {
        return mode == LabMode.SPEC ? new MemoryHog(run, engine, lab, journal) : null;
    }

    /** Q6's {@code docker run -d --name limited --memory 64m --cpus 0.5 nginx} (beyond the page). */
    private Subject limitedNginx(String lab) {
        return mode == LabMode.SPEC ? new SuiteSubject(engine, new LimitedNginx(run, lab))
                : new LearnerSubject(engine, Wanted.named(Setting.LIMITED.value(), LabImage.NGINX, true,
                        "docker run -d --name " + Setting.LIMITED.value() + " --memory 64m --cpus 0.5 nginx"), learners);
    }
}
