package org.sysnerd.dockerlabs.preflight;

import com.github.dockerjava.api.DockerClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.ImagePull;
import org.sysnerd.dockerlabs.docker.LabImage;
import org.sysnerd.dockerlabs.docker.TestcontainersImages;
import org.sysnerd.dockerlabs.probe.ProbeChoice;
import org.sysnerd.dockerlabs.subject.LabMode;

/** The images the run needs (the labs', the probe's helper's, Testcontainers' own), each there or pullable, checked together. */
final class ImageChecks {

    private ImageChecks() {
    }

    /**
     * Whether each image the run needs (the labs' two, Ryuk's when it is on) is on the daemon or can be pulled:
     * checked together, once, each pull bounded by {@link ImagePull} (a registry that is not reached, or refuses,
     * is known in seconds; a pull that progresses shows it and may take its time).
     */
    static Map<String, ImageProblem> imageProblems(Engine daemon, LabMode mode, ProbeChoice probes) {
        DockerClient client = daemon.client();
        Map<String, CompletableFuture<ImageProblem>> checks = new LinkedHashMap<>();
        boolean startsLabContainers = mode.startsLabContainers();
        if (startsLabContainers) {
            TestcontainersImages.needed(client, daemon.dockerHost()).forEach((logical, image) ->
                    checks.put(logical, check(daemon, image, image + (TestcontainersImages.RYUK.equals(logical)
                            ? " (Testcontainers' reaper, Ryuk)" : " (Testcontainers' look-up of the daemon's gateway)"))));
        }
        // The learner mode runs no nginx of its own: only alpine, for the daemon-side probe's helper, if it needs one.
        List<LabImage> images = startsLabContainers ? List.of(LabImage.values())
                : probes.needsHelper() ? List.of(LabImage.ALPINE) : List.of();
        for (LabImage image : images) {
            String logical = image.name().toLowerCase(Locale.ROOT);
            try {
                checks.put(logical, check(daemon, image.resolved().asCanonicalNameString(), image.describe()));
            } catch (IllegalArgumentException e) {
                checks.put(logical, CompletableFuture.completedFuture(
                        new ImageProblem(image.environmentVariable(), ImageProblem.Cause.BAD_NAME, e.getMessage())));
            }
        }
        Map<String, ImageProblem> problems = new LinkedHashMap<>();
        checks.forEach((logical, check) -> {
            ImageProblem problem = check.join();
            if (problem != null) {
                problems.put(logical, problem);
            }
        });
        return problems;
    }

    private static CompletableFuture<ImageProblem> check(Engine daemon, String name, String described) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ImagePull.Outcome outcome = ImagePull.presentOrPulled(daemon.client(), daemon::puller, name, System.err::println);
                return outcome.available() ? null : ImageProblem.fromAnswer(described, outcome.answer(), outcome.stalled());
            } catch (RuntimeException e) {
                return ImageProblem.fromAnswer(described, String.valueOf(e.getMessage()), false);
            }
        }, ImageChecks::inADaemonThread);
    }

    static void inADaemonThread(Runnable task) {
        Thread thread = new Thread(task, "docker-labs-image-check");
        thread.setDaemon(true);
        thread.start();
    }

}
