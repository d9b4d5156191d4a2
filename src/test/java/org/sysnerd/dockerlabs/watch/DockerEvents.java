package org.sysnerd.dockerlabs.watch;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.sysnerd.dockerlabs.docker.Engine;
import org.sysnerd.dockerlabs.docker.LabRun;

/**
 * The daemon's events that may change a lab's verdict ({@code docker events --filter type=container --filter
 * type=network}: create, start, die, destroy, rename, pause, unpause, connect, disconnect), in a daemon thread of its
 * own that connects again while the watch lasts. Events of the kit's own containers (its probe's helper) are left
 * out: the watch's own re-checks would otherwise trigger the next one.
 */
final class DockerEvents implements Closeable {

    private static final String[] EVENTS = {"create", "start", "die", "destroy", "rename", "pause", "unpause", "connect",
        "disconnect"};

    private final Engine engine = new Engine();
    private final Runnable changed;
    private final Consumer<String> down;
    /** The kit's containers seen in this watch, whose network events are left out too. */
    private final Set<String> kits = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private volatile boolean closed;
    private volatile ResultCallback.Adapter<Event> stream;
    private final Thread thread = new Thread(this::follow, "docker-labs-watch-events");

    /** Calls {@code changed} on each event; {@code down} with the cause when the daemon is lost, with null when back. */
    DockerEvents(Runnable changed, Consumer<String> down) {
        this.changed = changed;
        this.down = down;
        thread.setDaemon(true);
    }

    /** Starts following the daemon's events. */
    DockerEvents start() {
        thread.start();
        return this;
    }

    /** Where the events come from. */
    String where() {
        return String.valueOf(engine.connect());
    }

    private void follow() {
        while (!closed) {
            ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Event event) {
                    if (relevant(event)) {
                        changed.run();
                    }
                }
            };
            try {
                engine.client().pingCmd().exec();
                stream = callback;
                engine.client().eventsCmd().withEventTypeFilter(EventType.CONTAINER, EventType.NETWORK)
                        .withEventFilter(EVENTS).exec(callback);
                down.accept(null);
                callback.awaitCompletion();
                if (!closed) {
                    down.accept("the Docker daemon at " + where() + " ended its events stream (it stopped?)");
                }
            } catch (RuntimeException e) {
                down.accept("the Docker daemon at " + where() + " does not answer: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
            pause();
        }
    }

    /** Waits a second before connecting again, or until closed. */
    private void pause() {
        lock.lock();
        try {
            if (!closed) {
                closing.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
    }
}
