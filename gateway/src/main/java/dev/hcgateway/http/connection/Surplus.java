package dev.hcgateway.http.connection;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.ErrorMapper;
import dev.hcgateway.metrics.GatewayMetrics;
import dev.hcgateway.http.Routes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Connections past a bound (the global one with nothing idle to reclaim, or their address's): each is answered,
 * never dropped. Its first request gets {@code 503 too_many_connections} with {@code Retry-After} and
 * {@code Connection: close}, and the connection closes only once that answer is written and the request's body
 * has been read, so the client reads an answer rather than a reset; behind a balancer it becomes the client's 503,
 * not a 502. A surplus connection that sends no request head within {@code http.headerTimeoutMs} is closed, as an
 * admitted one would be (sooner, its request might still be in the kernel's buffer when the loop is slow, and
 * closing it then resets the connection). Lives on one event loop.
 */
final class Surplus {

    /**
     * Surplus connections held at once on one loop; past it a new one is closed at once. A flood of connections
     * past every bound must not hold sockets without end; honest clients past the bounds are far fewer.
     */
    static final int MAX = 1024;
    static final ApiError TOO_MANY_CONNECTIONS = ApiError.unavailable("too_many_connections",
            "The gateway has too many open connections; retry shortly.", 1);

    private final Vertx vertx;
    private final long silentMs;
    private final GatewayMetrics metrics;
    private final ClosedConnections closed;
    private final Set<HttpConnection> held = Collections.newSetFromMap(new IdentityHashMap<>());

    Surplus(Vertx vertx, long silentMs, GatewayMetrics metrics, ClosedConnections closed) {
        this.vertx = vertx;
        this.silentMs = silentMs;
        this.metrics = metrics;
        this.closed = closed;
    }

    /** Holds a connection past a bound until its first request is answered, or closes it when too many are held. */
    void hold(HttpConnection connection) {
        if (held.size() >= MAX) {
            closed.count("surplus");
            connection.close();
            return;
        }
        held.add(connection);
        long timer = vertx.setTimer(silentMs, id -> {
            closed.count("surplus");
            connection.close(); // no request head in all that time: none in flight, as for an admitted connection
        });
        connection.closeHandler(v -> {
            held.remove(connection);
            vertx.cancelTimer(timer);
        });
    }

    /**
     * Answers a request of a surplus connection (each one, should a client pipeline more behind the first) and
     * closes the connection after it; returns false for a request of any other connection.
     */
    boolean answered(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (held.isEmpty() || !held.contains(connection)) {
            return false;
        }
        metrics.refused(Routes.label(request.path()), TOO_MANY_CONNECTIONS.error());
        request.response().putHeader(HttpHeaders.CONNECTION, "close");
        // Close once the answer is out and the body read (Vert.x discards it): closing with bytes unread would
        // make the kernel reset the connection, and the client would lose the answer.
        boolean[] ends = {false, request.isEnded()};
        Runnable closeWhenBoth = () -> {
            if (ends[0] && ends[1]) {
                connection.close();
            }
        };
        if (!ends[1]) {
            request.endHandler(v -> {
                ends[1] = true;
                closeWhenBoth.run();
            });
            request.exceptionHandler(e -> connection.close());
        }
        ErrorMapper.send(request.response(), TOO_MANY_CONNECTIONS).onComplete(v -> {
            ends[0] = true;
            closeWhenBoth.run();
        });
        return true;
    }
}
