package org.sysnerd.dockerlabs.watch;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sysnerd.dockerlabs.report.Report;
import org.sysnerd.dockerlabs.watch.Debounce.Reason;
import org.sysnerd.dockerlabs.watch.FactHistory.Change;

/**
 * The learner's live board: every lab checked again in this JVM, in the learner mode (only looking, as {@code ./mvnw
 * test} does), on each Docker event that may change a verdict and every few seconds for the host's facts that no
 * event tells, until Ctrl-C ({@code scripts/watch.sh}, see docs/watch.md). Settings: {@code labs.watch.every}
 * and {@code labs.watch.most} (seconds between timer checks: 2 after a change, up to 30 while nothing changes, see
 * {@link Backoff}), {@code labs.watch.for} (seconds, then it ends by itself; 0: until Ctrl-C),
 * {@code labs.watch.timings} (a file that gets one {@code event_to_board_s=} line per board drawn after an event).
 */
public final class Watch {

    /** Events that belong together come closer than this (docs/watch.md); every ms of it is waited after each change. */
    private static final Duration QUIET = Duration.ofMillis(25);
    private static final Duration MOST = Duration.ofMillis(400);

    private final Debounce debounce = new Debounce(QUIET.toNanos(), MOST.toNanos());
    private final FactHistory history = new FactHistory();
    private final Duration every;
    private final Backoff backoff;
    private final Duration limit;
    private final String timings;
    private final Path dir;
    private final PrintStream console;
    private final boolean plain;
    /** Why the daemon cannot be watched, from the events' side; null while it answers. */
    private volatile String blocked;
    /** Set when the daemon went or came back: it may restart with other facts, and the kept probe's helper gone. */
    private final AtomicBoolean back = new AtomicBoolean();
    /** Why the last check gave no report; null when it did. */
    private String unchecked;
    private Report report;
    private Map<String, Change> changes = Map.of();

    /** A watch that draws on {@code console}, in plain lines when {@code plain}, with these settings. */
    Watch(PrintStream console, boolean plain, Map<String, String> settings) {
        this.console = console;
        this.plain = plain;
        this.every = seconds(settings.getOrDefault("labs.watch.every", "2"));
        this.limit = seconds(settings.getOrDefault("labs.watch.for", "0"));
        this.backoff = new Backoff(every.toNanos(), seconds(settings.getOrDefault("labs.watch.most", "30")).toNanos());
        this.timings = settings.getOrDefault("labs.watch.timings", "");
        this.dir = Path.of(settings.getOrDefault("labs.report.dir", "target"), "watch");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> settings = new java.util.HashMap<>();
        for (String name : List.of("labs.watch.every", "labs.watch.most", "labs.watch.for", "labs.watch.timings", "labs.report.dir")) {
            String set = System.getProperty(name);
            if (set != null && !set.isBlank()) {
                settings.put(name, set);
            }
        }
        new Watch(System.out, false, settings).watch();
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis((long) (1000 * Double.parseDouble(value)));
    }

    /** Watches until Ctrl-C, or for {@code labs.watch.for} seconds. */
    void watch() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Screen screen = plain ? new Screen.Plain(console) : Screen.open(console);
        if (screen.inPlace()) {
            // What the kit and the labs print would tear the board: it goes to a log beside the reports.
            PrintStream log = new PrintStream(new FileOutputStream(dir.resolve("watch.log").toFile(), true), true,
                    StandardCharsets.UTF_8);
            System.setOut(log);
            System.setErr(log);
        }
        DockerEvents events = new DockerEvents(() -> debounce.signal(System.nanoTime()), this::daemon);
        Recheck recheck = new Recheck(dir.toString());
        Thread ctrlC = new Thread(() -> {
            debounce.stop();
            events.close();
            screen.close();
            console.println("docker-labs watch: ended");
        }, "docker-labs-watch-end");
        Runtime.getRuntime().addShutdownHook(ctrlC);
        events.start();
        long ends = limit.isZero() ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        screen.show(detail -> Board.lines(null, Map.of(), blocked, "checking the labs…", detail));
        long timer = every.toNanos();
        for (Reason reason = Reason.TIMER; reason != Reason.STOP && System.nanoTime() - ends < 0;
                reason = debounce.await(Math.min(timer, Math.max(1, ends - System.nanoTime())))) {
            if (back.getAndSet(false)) {
                // A new session: what the last one kept (the engine's facts, the probe) is read again.
                recheck.close();
                recheck = new Recheck(dir.toString());
            }
            timer = check(screen, recheck, reason);
        }
        if (!limit.isZero()) {
            // Ended by its own limit (a CI step, a test), not by Ctrl-C: it cleans up as the hook would.
            Runtime.getRuntime().removeShutdownHook(ctrlC);
            recheck.close();
            ctrlC.run();
        }
    }

    /** Runs every lab once and draws the board; returns the time until the timer's next check. */
    private long check(Screen screen, Recheck recheck, Reason reason) {
        long lastEvent = debounce.lastEvent();
        long started = System.nanoTime();
        try {
            Report checked = recheck.run();
            unchecked = checked == null ? "the last check ended without a report (see " + dir.resolve("watch.log") + ")" : null;
            if (checked != null) {
                report = checked;
                changes = history.update(checked.labs());
            }
        } catch (RuntimeException e) {
            unchecked = "the labs could not be checked: " + e;
        }
        long drawn = System.nanoTime();
        long timer = backoff.after(reason, history.moved() || reason != Reason.TIMER, drawn - started);
        String after = reason == Reason.EVENT ? String.format(Locale.ROOT, ", %.2f s after the last Docker event",
                (drawn - lastEvent) / 1e9) : "";
        String status = String.format(Locale.ROOT, "checked %s in %.2f s%s · again on each Docker event, and in %.0f s "
                + "anyway · Ctrl-C ends it", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), (drawn - started) / 1e9, after,
                timer / 1e9);
        Report shown = report;
        Map<String, Change> marked = changes;
        String cause = blocked != null ? blocked : unchecked;
        screen.show(detail -> Board.lines(shown, marked, cause, status, detail));
        if (reason == Reason.EVENT && !timings.isEmpty()) {
            timing((System.nanoTime() - lastEvent) / 1e9);
        }
        return timer;
    }

    /**
     * The daemon went away (its cause) or came back (null): the board says so, and the labs are checked again. Told
     * only when that changed ({@link DockerEvents} tries again every few seconds while the daemon is away).
     */
    private void daemon(String cause) {
        // Gone or back: a new session either way (a restart may be over before the events stream tries again).
        back.set(true);
        blocked = cause;
        debounce.signal(System.nanoTime());
    }

    private void timing(double seconds) {
        try {
            Files.writeString(Path.of(timings), String.format(Locale.ROOT, "event_to_board_s=%.3f%n", seconds),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("docker-labs watch: could not write " + timings + ": " + e);
        }
    }
}
