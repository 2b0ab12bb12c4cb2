package dev.hcgateway.http.connection;

import dev.hcgateway.config.HttpConfig;
import dev.hcgateway.http.Admission;
import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.ApiServices;
import dev.hcgateway.http.ErrorMapper;
import dev.hcgateway.http.Routes;
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
 * a new one, so an idle flood cannot lock live gates out; a connection connected or answered within the last
 * {@link #QUIET_MS} is never taken (its client's first or next request may be on its way). A connection past a
 * bound with nothing to reclaim, or past its address's bound, is answered ({@link Surplus}). On SIGTERM it
 * drains (see {@link #drain}).
 *
 * <p>Lives on its server's event loop: every method is called there. The sweep runs every {@link #SWEEP_MS}, so
 * deadlines hold to within that.
 */
public final class ConnectionGuard {

    static final long SWEEP_MS = 100;
    /** A connection connected or answered this recently is not reclaimed for a new one. */
    static final long QUIET_MS = 1000;
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(QUIET_MS);
    private static final ApiError CLIENT_TIMEOUT = ErrorMapper.map(null, 408);

    private final Vertx vertx;
    private final ApiServices services;
    private final long headerNanos;
    private final long idleNanos;
    private final BodyRate bodyRate;
    // Access order: a request moves its connection to the end, so the first idle one met is the oldest idle.
    private final LinkedHashMap<HttpConnection, Tracked> open = new LinkedHashMap<>(64, 0.75f, true);
    private final ClosedConnections closed;
    private final Surplus surplus;
    private final Promise<Void> drained = Promise.promise();
    private boolean draining;
    private long sweeper = -1;

    /** Creates the guard of one server verticle. */
    public ConnectionGuard(Vertx vertx, ApiServices services) {
        HttpConfig http = services.config().http();
        this.vertx = vertx;
        this.services = services;
        this.headerNanos = TimeUnit.MILLISECONDS.toNanos(http.headerTimeoutMs());
        this.idleNanos = TimeUnit.SECONDS.toNanos(http.idleTimeoutSeconds());
        this.bodyRate = BodyRate.of(http.minBodyBytesPerSecond(), http.bodyRateGraceMs());
        this.closed = new ClosedConnections(services.metrics().registry());
        this.surplus = new Surplus(vertx, http.headerTimeoutMs(), services.metrics(), closed);
    }

    /** Starts the sweep; call from the server's loop. */
    public void start() {
        sweeper = vertx.setPeriodic(SWEEP_MS, id -> sweep());
    }

    /**
     * Admits a new connection, closing the oldest idle one at the bound (of its own address when that address is
     * at its bound; this loop's connections only); a connection past a bound with nothing idle to reclaim is held
     * as surplus: its first request is answered 503 {@code too_many_connections}, then it closes.
     */
    public void connected(HttpConnection connection) {
        String address = connection.remoteAddress() == null ? "?" : connection.remoteAddress().hostAddress();
        Admission admission = services.admission();
        AddressCap addresses = admission.addresses();
        boolean admitted;
        if (addresses.opened(address)) {
            admitted = admission.connectionOpened();
        } else if (reclaimOldestIdle(address)) {
            // One of its own idle connections gives up its place in both bounds (uncounted when its close completes).
            addresses.replacing(address);
            admission.connectionReplacing();
            admitted = true;
        } else {
            admission.addressAtCap(address);
            surplus.hold(connection);
            return;
        }
        if (!admitted && reclaimOldestIdle(null)) {
            admission.connectionReplacing();
            admitted = true;
        }
        if (!admitted) {
            admission.connectionRefused();
            addresses.closed(address); // a surplus connection lives a second at most: not worth tracking
            surplus.hold(connection);
            return;
        }
        long now = System.nanoTime();
        open.put(connection, new Tracked(address, now, now + headerNanos));
        connection.closeHandler(v -> {
            open.remove(connection);
            admission.connectionClosed();
            addresses.closed(address);
            if (draining && open.isEmpty()) {
                drained.tryComplete();
            }
        });
    }

    /**
     * Notes a request head; during a drain its answer will close the connection. Returns false when the request
     * came on a surplus connection and has been answered here.
     */
    public boolean requested(HttpServerRequest request) {
        if (surplus.answered(request)) {
            return false;
        }
        Tracked tracked = open.get(request.connection());
        if (tracked != null) {
            tracked.requested(request, System.nanoTime());
        }
        if (draining) {
            closeAfterAnswer(tracked, request);
        }
        return true;
    }

    /** Closes this loop's oldest reclaimable connection (of {@code address}, or of any when null); tells if one was. */
    private boolean reclaimOldestIdle(String address) {
        long now = System.nanoTime();
        for (Map.Entry<HttpConnection, Tracked> e : open.entrySet()) {
            Tracked t = e.getValue();
            if ((address == null || address.equals(t.address)) && t.reclaimable(now, QUIET_NANOS)) {
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
            t.noteAnswer(now, idleNanos);
            if (t.expired(now)) {
                if (!t.closing) {
                    closed.count(t.served ? "idle" : "header_timeout");
                }
                expired.add(e.getKey());
            } else if (t.request != null && !t.request.isEnded()
                    && bodyRate.tooSlow(now - t.head, t.request.bytesRead())) {
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
        services.metrics().refused(Routes.label(path), CLIENT_TIMEOUT.error());
        ErrorMapper.sendAndClose(request, CLIENT_TIMEOUT);
    }

    /**
     * Starts draining: answers from now on carry {@code Connection: close}, so a keep-alive client's next request
     * is still answered and its connection then closes. Completes when no connection is left, or after
     * {@code graceMs}, whichever is first; then the caller closes the rest.
     */
    public Future<Void> drain(long graceMs) {
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

    private static void closeAfterAnswer(Tracked tracked, HttpServerRequest request) {
        if (tracked != null) {
            tracked.closeAfterAnswer(request);
        } else {
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
    }

    /** Stops the sweep; call from the server's loop. */
    public void stop() {
        vertx.cancelTimer(sweeper);
    }
}
