package dev.hcgateway.http;

import dev.hcgateway.config.HttpConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one event loop's connections from being held by clients that send nothing useful. Every connection has
 * a deadline no byte extends: a new one must send a complete request head within {@code http.headerTimeoutMs},
 * one idle between requests is closed after {@code http.idleTimeoutSeconds}, and a body must keep up with
 * {@link BodyRate} (else 408 and close). At the connection bound the oldest idle connection is closed to admit
 * a new one, so an idle flood cannot lock live gates out. On SIGTERM it drains (see {@link #drain}).
 *
 * <p>Lives on its server's event loop: every method is called there. The sweep runs every {@link #SWEEP_MS}, so
 * deadlines hold to within that.
 */
final class ConnectionGuard {

    static final long SWEEP_MS = 100;
    private static final ApiError CLIENT_TIMEOUT = ErrorMapper.map(null, 408);

    private final Vertx vertx;
    private final ApiServices services;
    private final long headerNanos;
    private final long idleNanos;
    private final BodyRate bodyRate;
    // Access order: a request moves its connection to the end, so the first idle one met is the oldest idle.
    private final LinkedHashMap<HttpConnection, Tracked> open = new LinkedHashMap<>(64, 0.75f, true);
    private final ClosedConnections closed;
    private final Promise<Void> drained = Promise.promise();
    private boolean draining;
    private long sweeper = -1;

    /** One connection's state: its client address, its request in progress if any, its deadline when idle. */
    private static final class Tracked {
        final String address;
        HttpServerRequest request;
        long head;
        boolean served;
        boolean closing;
        long idleDeadline;

        Tracked(String address, long idleDeadline) {
            this.address = address;
            this.idleDeadline = idleDeadline;
        }

        boolean idle() {
            return request == null || request.response().ended();
        }
    }

    ConnectionGuard(Vertx vertx, ApiServices services) {
        HttpConfig http = services.config().http();
        this.vertx = vertx;
        this.services = services;
        this.headerNanos = TimeUnit.MILLISECONDS.toNanos(http.headerTimeoutMs());
        this.idleNanos = TimeUnit.SECONDS.toNanos(http.idleTimeoutSeconds());
        this.bodyRate = BodyRate.of(http.minBodyBytesPerSecond(), http.bodyRateGraceMs());
        this.closed = new ClosedConnections(services.metrics().registry());
    }

    /** Starts the sweep; call from the server's loop. */
    void start() {
        sweeper = vertx.setPeriodic(SWEEP_MS, id -> sweep());
    }

    /**
     * Admits a new connection, closing the oldest idle one at the bound, or closes it at once when its address
     * is over its bound; returns false only when it is past the global bound with nothing idle to reclaim (the
     * caller then answers its first request 503).
     */
    boolean connected(HttpConnection connection) {
        String address = connection.remoteAddress() == null ? "?" : connection.remoteAddress().hostAddress();
        AddressCap addresses = services.admission().addresses();
        if (!addresses.opened(address)) {
            closed.count("per_address");
            connection.close();
            return true;
        }
        Admission admission = services.admission();
        boolean admitted = admission.connectionOpened();
        if (!admitted && reclaimOldestIdle()) {
            admission.connectionReplacing();
            admitted = true;
        }
        if (!admitted) {
            admission.connectionRefused();
            addresses.closed(address); // a surplus connection lives a second at most: not worth tracking
            return false;
        }
        open.put(connection, new Tracked(address, System.nanoTime() + headerNanos));
        connection.closeHandler(v -> {
            open.remove(connection);
            admission.connectionClosed();
            addresses.closed(address);
            if (draining && open.isEmpty()) {
                drained.tryComplete();
            }
        });
        return true;
    }

    /** Notes a request head on an admitted connection; during a drain its answer will close the connection. */
    void requested(HttpServerRequest request) {
        Tracked tracked = open.get(request.connection());
        if (tracked != null) {
            tracked.request = request;
            tracked.head = System.nanoTime();
            tracked.served = true;
        }
        if (draining) {
            closeAfterAnswer(tracked, request);
        }
    }

    private boolean reclaimOldestIdle() {
        for (Map.Entry<HttpConnection, Tracked> e : open.entrySet()) {
            if (e.getValue().idle()) {
                HttpConnection oldest = e.getKey();
                closed.count("reclaimed");
                open.remove(oldest); // its close completes later; it is no longer a candidate
                oldest.close();
                return true;
            }
        }
        return false;
    }

    private void sweep() {
        long now = System.nanoTime();
        List<HttpConnection> expired = new ArrayList<>();
        List<HttpServerRequest> slow = new ArrayList<>();
        for (Map.Entry<HttpConnection, Tracked> e : open.entrySet()) {
            Tracked t = e.getValue();
            if (t.request != null && t.request.response().ended()) {
                t.request = null; // answered: idle from now until the next head
                t.idleDeadline = t.closing ? now - 1 : now + idleNanos; // closing: its answer said Connection: close
            }
            if (t.request == null) {
                if (now - t.idleDeadline > 0) {
                    if (!t.closing) {
                        closed.count(t.served ? "idle" : "header_timeout");
                    }
                    expired.add(e.getKey());
                }
            } else if (!t.request.isEnded() && bodyRate.tooSlow(now - t.head, t.request.bytesRead())) {
                closed.count("body_rate");
                slow.add(t.request);
            }
        }
        // Out of the map at once (their closes complete later), so that no later sweep counts them twice.
        expired.forEach(c -> {
            open.remove(c);
            c.close();
        });
        slow.forEach(r -> {
            open.remove(r.connection());
            tooSlow(r);
        });
    }

    /** Answers a body too slow to wait for with 408 (a client fault, not a 5xx) and closes its connection. */
    private void tooSlow(HttpServerRequest request) {
        String path = request.path();
        services.metrics().refused(Routes.ALL.contains(path) ? path : "other", CLIENT_TIMEOUT.error());
        ErrorMapper.sendAndClose(request, CLIENT_TIMEOUT);
    }

    /**
     * Starts draining: answers from now on carry {@code Connection: close}, so a keep-alive client's next request
     * is still answered and its connection then closes. Completes when no connection is left, or after
     * {@code graceMs}, whichever is first; then the caller closes the rest.
     */
    Future<Void> drain(long graceMs) {
        draining = true;
        for (Tracked t : open.values()) {
            if (t.request != null && !t.request.response().headWritten()) {
                closeAfterAnswer(t, t.request);
            }
        }
        if (open.isEmpty() || graceMs == 0) {
            drained.tryComplete();
        } else {
            long timer = vertx.setTimer(graceMs, id -> drained.tryComplete());
            drained.future().onComplete(v -> vertx.cancelTimer(timer));
        }
        return drained.future();
    }

    /** Announces the close on the answer; the sweep closes the connection once the answer is out. */
    private static void closeAfterAnswer(Tracked tracked, HttpServerRequest request) {
        // Vert.x keeps the connection open whatever the answer's Connection header says: the sweep closes it.
        request.response().putHeader(HttpHeaders.CONNECTION, "close");
        if (tracked != null) {
            tracked.closing = true;
        }
    }

    /** Stops the sweep; call from the server's loop. */
    void stop() {
        vertx.cancelTimer(sweeper);
    }
}
