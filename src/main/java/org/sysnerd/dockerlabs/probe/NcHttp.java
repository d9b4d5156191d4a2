package org.sysnerd.dockerlabs.probe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.sysnerd.dockerlabs.facts.HostFactUnavailable;
import org.sysnerd.dockerlabs.journal.Journal;

/**
 * HTTP from the daemon's host's network namespace: one HTTP/1.0 GET with the helper's own BusyBox {@code nc}, never
 * through a proxy. Not BusyBox {@code wget}: a static glibc BusyBox looks the scheme up in NSS and crashes in an image
 * without NSS (the stand-in alpine). Each request is one exec, polled in the lab's own thread: a request under way
 * when {@link Http#LIMIT} is reached ends within the exec's own limit and counts, as in {@link Http#get}; the limit is
 * how long the server may take to answer, not how long the daemon takes to start an exec on a busy host.
 */
final class NcHttp implements HostHttp {

    private final HelperContainer helper;

    NcHttp(HelperContainer helper) {
        this.helper = helper;
    }

    @Override
    public String get(String address, int port, Journal journal) {
        String uri = "http://" + address + ":" + port + "/";
        AtomicReference<String> last = new AtomicReference<>();
        try {
            String page = Awaitility.await("an HTTP answer at " + uri + " on the daemon's host").atMost(Http.LIMIT)
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Http.POLL).until(() -> {
                        Ran ran = requested(address, port);
                        String body = HttpResponse.body(ran.stdout());
                        last.set(body != null ? "" : ran.stdout().isBlank() ? ran.stderr().strip()
                                : ran.stdout().lines().findFirst().orElse(""));
                        return body;
                    }, Objects::nonNull);
            journal.record(request(address, port).get(2), page);
            return page;
        } catch (ConditionTimeoutException e) {
            // Each request ends (its exec is bounded) before the limit is judged: one was always sent.
            throw new AssertionError("GET " + uri + " from the daemon's host failed for " + Http.LIMIT.toSeconds()
                    + " s: " + (last.get().isBlank() ? "no answer" : last.get())
                    + "\nSee it yourself, on the daemon's host: curl -sv " + uri);
        }
    }

    @Override
    public boolean answers(String address, int port) {
        String uri = "http://" + address + ":" + port + "/";
        try {
            Awaitility.await("an HTTP answer at " + uri + " on the daemon's host").atMost(Http.LIMIT)
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Http.POLL).until(() -> {
                        Ran ran = requested(address, port);
                        return HttpResponse.status(ran.stdout()) > 0;
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** One request from the helper; a helper that cannot send it (no {@code nc}) cannot tell whether anything answers. */
    private Ran requested(String address, int port) {
        HelperContainer.Started current = helper.current();
        Ran ran = helper.exec(current, request(address, port));
        if (ran.exitCode() == 126 || ran.exitCode() == 127) {
            throw new HostFactUnavailable("nc (BusyBox's, in the helper's image) exited " + ran.exitCode()
                    + " in helper " + current.name() + ": " + ran.stderr().strip());
        }
        return ran;
    }

    private static List<String> request(String address, int port) {
        return List.of("sh", "-c", "printf 'GET / HTTP/1.0\\r\\nHost: " + address + ":" + port
                + "\\r\\nConnection: close\\r\\n\\r\\n' | nc -w 3 " + address + " " + port);
    }
}
