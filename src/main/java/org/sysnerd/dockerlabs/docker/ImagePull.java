package org.sysnerd.dockerlabs.docker;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code docker pull}, once and bounded: the daemon's first answer is the registry's (no retries, unlike
 * Testcontainers' two minutes of them), a pull that stops progressing is given up, one that progresses may
 * take its time and says how far it got.
 */
public final class ImagePull {

    /** A pull with no word from the daemon for this long has stalled: the registry does not answer. */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(30);
    /** A pull that keeps progressing may take this long. */
    public static final Duration PULL_LIMIT = Duration.ofMinutes(3);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * What became of an image: already there, pulled, or not to be had, with the daemon's answer.
     *
     * @param answer  the daemon's (that is, the registry's) error, or null when the image is there
     * @param stalled true when the daemon said nothing for {@link #STALL_LIMIT}
     */
    public record Outcome(String image, boolean available, String answer, boolean stalled) {
    }

    private ImagePull() {
    }

    /**
     * The image if present (asked with {@code client}), else pulled once with {@code puller}'s client (whose
     * credentials are Docker's); {@code progress} gets a line every few seconds of a pull.
     */
    public static Outcome presentOrPulled(DockerClient client, Supplier<DockerClient> puller, String image,
            Consumer<String> progress) {
        try {
            client.inspectImageCmd(image).exec();
            return new Outcome(image, true, null, false);
        } catch (NotFoundException absent) {
            return pull(puller.get(), image, progress);
        }
    }

    private static Outcome pull(DockerClient client, String image, Consumer<String> progress) {
        DockerImageName name = DockerImageName.parse(image);
        Progress watch = new Progress(image, progress);
        client.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).exec(watch);
        try {
            await("docker pull " + image).atMost(PULL_LIMIT).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(POLL).until(watch::over);
        } catch (ConditionTimeoutException e) {
            watch.failed = "still pulling after " + PULL_LIMIT.toMinutes() + " minutes";
        } finally {
            watch.closeQuietly();
        }
        return watch.failed == null ? new Outcome(image, true, null, false)
                : new Outcome(image, false, watch.failed, watch.stalled);
    }

    /** Follows one pull's answers: progress, the end, or the daemon's error. */
    private static final class Progress extends ResultCallback.Adapter<PullResponseItem> {

        private final String image;
        private final Consumer<String> out;
        private final Map<String, long[]> layers = new ConcurrentHashMap<>();
        private volatile Instant lastWord = Instant.now();
        private volatile Instant lastShown = Instant.now();
        private volatile boolean done;
        private volatile boolean stalled;
        private volatile String failed;

        Progress(String image, Consumer<String> out) {
            this.image = image;
            this.out = out;
        }

        @Override
        public void onNext(PullResponseItem item) {
            lastWord = Instant.now();
            if (item.isErrorIndicated()) {
                failed = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
            } else if (item.getId() != null && item.getProgressDetail() != null
                    && item.getProgressDetail().getTotal() != null) {
                layers.put(item.getId(), new long[] {orZero(item.getProgressDetail().getCurrent()),
                        item.getProgressDetail().getTotal()});
            }
        }

        @Override
        public void onError(Throwable error) {
            failed = error instanceof DockerException docker ? daemonMessage(docker) : String.valueOf(error.getMessage());
            done = true;
        }

        @Override
        public void onComplete() {
            done = true;
        }

        /** True once the pull ended, failed or stalled; shows progress on the way. */
        boolean over() {
            Instant now = Instant.now();
            if (!done && failed == null && Duration.between(lastWord, now).compareTo(STALL_LIMIT) > 0) {
                stalled = true;
                failed = "the daemon said nothing for " + STALL_LIMIT.toSeconds() + " s: the registry does not answer";
            }
            if (Duration.between(lastShown, now).compareTo(PROGRESS_EVERY) >= 0 && failed == null && !done) {
                lastShown = now;
                out.accept(line());
            }
            return done || failed != null;
        }

        private String line() {
            long current = layers.values().stream().mapToLong(l -> l[0]).sum();
            long total = layers.values().stream().mapToLong(l -> l[1]).sum();
            return "docker-labs: pulling " + image + ": " + (total == 0 ? "waiting for the registry"
                    : String.format("%.1f of %.1f MB in %d layers", current / 1e6, total / 1e6, layers.size()));
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException | RuntimeException e) {
                // the pull is over either way
            }
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }

    /** The daemon's own words in a docker-java error ({@code Status 500: {"message":"..."}}), else its message as is. */
    public static String daemonMessage(DockerException error) {
        String message = String.valueOf(error.getMessage()).strip();
        int json = message.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode said = new ObjectMapper().readTree(message.substring(json)).path("message");
                if (said.isTextual()) {
                    return said.asText().strip();
                }
            } catch (JsonProcessingException notJson) {
                // not the daemon's JSON: the message as is
            }
        }
        return message;
    }
}
