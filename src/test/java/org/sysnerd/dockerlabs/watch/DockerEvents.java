package org.sysnerd.dockerlabs.watch;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabRun;

/**
 * The daemon's events that may change a lab's verdict ({@code docker events --filter type=container --filter
 * type=network}: create, start, die, destroy, rename, pause, unpause, connect, disconnect), in a daemon thread of its
 * own that connects again while the watch lasts, each time with a client of its own (one made while the daemon was
 * down keeps the old API version it fell back to), sooner after a stream that ended than after a daemon that does not
 * answer. What goes wrong while connecting never ends the thread: it is the cause the board shows, told once until
 * it changes. Events of the kit's own containers (its probe's helper) are left out: the watch's own re-checks would
 * otherwise trigger the next one.
 */
final class DockerEvents implements Closeable {

    private static final String[] EVENTS = {"create", "start", "die", "destroy", "rename", "pause", "unpause", "connect",
        "disconnect"};

    private final Supplier<Engine> engines;
    private final long firstRetry;
    private final long mostRetry;
    private final Runnable changed;
    private final Consumer<String> down;
    /** The kit's containers seen in this watch, whose network events are left out too. */
    private final Set<String> kits = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private volatile boolean closed;
    private volatile ResultCallback.Adapter<Event> stream;
    /** The client of this attempt to follow the events; made and closed by the events thread. */
    private volatile Engine engine;
    /** What was last told to {@code down} (null: the daemon answers); the events thread's own. */
    private String told;
    private final Thread thread = new Thread(this::follow, "docker-labs-watch-events");

    /** Calls {@code changed} on each event; {@code down} with the cause when the daemon is lost, with null when back. */
    DockerEvents(Runnable changed, Consumer<String> down) {
        this(changed, down, Engine::new, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /** As above, each attempt with an engine from {@code engines}, again after {@code first}, doubled up to {@code most}. */
    DockerEvents(Runnable changed, Consumer<String> down, Supplier<Engine> engines, Duration first, Duration most) {
        this.changed = changed;
        this.down = down;
        this.engines = engines;
        this.firstRetry = first.toNanos();
        this.mostRetry = Math.max(first.toNanos(), most.toNanos());
        thread.setDaemon(true);
    }

    /** Starts following the daemon's events. */
    DockerEvents start() {
        thread.start();
        return this;
    }

    /** True while the events thread lives. */
    boolean following() {
        return thread.isAlive();
    }

    /** Where the events come from: where the client talks, else the address asked for; it connects nothing to tell. */
    String where() {
        Engine current = engine;
        URI connected = current == null ? null : current.dockerHost();
        String asked = current == null ? null : current.requestedHost();
        return connected != null ? connected.toString() : asked != null ? asked : "the socket Testcontainers looks for";
    }

    private void follow() {
        int failures = 0;
        while (!closed && !Thread.currentThread().isInterrupted()) {
            boolean streamed = false;
            try {
                streamed = followOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // by close(): the loop ends once this attempt's client is closed
            } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
                // Whatever connecting met (no daemon, Testcontainers' search failing, a class it could not load): the
                // board says so, and the thread tries again.
                if (!closed) {
                    tell("the Docker daemon at " + where() + " does not answer: " + (e.getMessage() != null ? e.getMessage() : e));
                }
            } finally {
                Engine used = engine;
                engine = null;
                if (used != null) {
                    used.close();
                }
            }
            failures = streamed ? 0 : failures + 1;
            pause(retryAfter(failures, firstRetry, mostRetry));
        }
    }

    /** Follows the events with a new client until the stream ends; true when it was open (the daemon answered). */
    private boolean followOnce() throws InterruptedException {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                if (relevant(event)) {
                    changed.run();
                }
            }
        };
        Engine current = engines.get();
        engine = current;
        current.client().pingCmd().exec();
        stream = callback;
        current.client().eventsCmd().withEventTypeFilter(EventType.CONTAINER, EventType.NETWORK)
                .withEventFilter(EVENTS).exec(callback);
        tell(null);
        callback.awaitCompletion();
        if (!closed) {
            tell("the Docker daemon at " + where() + " ended its events stream (it stopped?)");
        }
        return true;
    }

    /** Tells {@code down} the daemon's state only when it changed: each call of it checks every lab again. */
    private void tell(String cause) {
        if (!Objects.equals(cause, told)) {
            told = cause;
            down.accept(cause);
        }
    }

    /** Pure: the wait before the next attempt after {@code failures} in a row (none: the stream had been open). */
    static long retryAfter(int failures, long first, long most) {
        return Math.min(most, first << Math.min(Math.max(failures - 1, 0), 20));
    }

    /** Waits before connecting again, or until closed. */
    private void pause(long nanos) {
        lock.lock();
        try {
            if (!closed) {
                closing.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // only close() interrupts: the loop ends
        } finally {
            lock.unlock();
        }
    }

    /** True for an event of a container that is not the kit's own. */
    boolean relevant(Event event) {
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null ? Map.of()
                : event.getActor().getAttributes();
        if (event.getType() == EventType.NETWORK) {
            return !kits.contains(attributes.getOrDefault("container", ""));
        }
        if (attributes.containsKey(LabRun.SUITE_LABEL)) {
            if ("destroy".equals(event.getAction())) {
                kits.remove(event.getActor().getId());
            } else {
                kits.add(event.getActor().getId());
            }
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        ResultCallback.Adapter<Event> open = stream;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // the stream is gone with the JVM all the same
            }
        }
        thread.interrupt();
        try {
            // Bounded: Ctrl-C must end the watch within 2 s, and the thread is a daemon's all the same.
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Engine left = engine;
        if (left != null) {
            left.close(); // bounded too; the thread may have closed it already (closing twice is nothing)
        }
    }
}
