package dev.hcgateway.http;

import dev.hcgateway.metrics.EventLoopLag;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server on one event loop; the gateway deploys one per configured instance. It enforces the
 * connection bounds and deadlines ({@link ConnectionGuard}) before the router sees a request, refuses
 * ambiguous framing ({@link Framing}), sheds verify requests when its loop runs late, and stops gracefully:
 * readiness fails first, open connections are drained for {@code http.drainGraceMs}, then the listener closes
 * and in-flight requests get {@code http.shutdownGraceMs} to finish.
 */
public final class HttpServerVerticle extends VerticleBase {

    /** How long a connection over the bound may stay open without sending a request. */
    static final long SURPLUS_CONNECTION_MS = 1000;
    // A 503 with Retry-After, as the in-flight bound's refusal (ApiError.OVERLOADED) is.
    private static final ApiError TOO_MANY_CONNECTIONS = ApiError.unavailable("too_many_connections",
            "The gateway has too many open connections; retry shortly.", 1);

    private final ApiServices services;
    // Connections past the bound, each answered 503 then closed. Touched on this verticle's loop only.
    private final Set<HttpConnection> surplus = Collections.newSetFromMap(new IdentityHashMap<>());
    private HttpServer server;
    private EventLoopLag.Probe lag;
    private ConnectionGuard guard;
    private HttpServerOptions options;
    private TlsSetup tls;

    /** Creates a server over shared services. */
    public HttpServerVerticle(ApiServices services) {
        this.services = services;
    }

    @Override
    public Future<?> start() {
        var http = services.config().http();
        options = new HttpServerOptions()
                .setHost(http.host())
                .setPort(http.port())
                .setIdleTimeout(http.idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setTcpNoDelay(true)
                .setMaxInitialLineLength(2048)
                .setMaxHeaderSize(8192)
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                // No WebSockets are served: without these Vert.x puts a WebSocket extension handler in every
                // connection's pipeline, which every request passes through (seen in the verify profile).
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                // HTTP/1.1 only: with h2c detection Vert.x waits for a client's first bytes before it creates
                // the connection, so a silent connection would escape the connection bound and idle timeout.
                .setHttp2ClearTextEnabled(false);
        lag = new EventLoopLag(services.metrics().registry()).start(vertx);
        long shedNanos = TimeUnit.MILLISECONDS.toNanos(http.shedQueueMs());
        VerifyEndpoint verify = new VerifyEndpoint(vertx, services, () -> lag.lateNanos() > shedNanos);
        Router router = HttpApi.router(vertx, services, verify);
        guard = new ConnectionGuard(vertx, services);
        guard.start();
        tls = new TlsSetup(vertx, http.tls());
        return tls.configure(options).compose(o -> listen(o, verify, router, shedNanos))
                .compose(s -> tls.watch(server));
    }

    private Future<HttpServer> listen(HttpServerOptions configured, VerifyEndpoint verify, Router router,
                                      long shedNanos) {
        server = vertx.createHttpServer(configured)
                .connectionHandler(this::connected)
                .requestHandler(request -> {
                    if (!surplus.isEmpty() && surplus.contains(request.connection())) {
                        refuse(request, TOO_MANY_CONNECTIONS);
                        return;
                    }
                    guard.requested(request);
                    if (Framing.ambiguous(request)) {
                        refuse(request, Framing.REFUSED);
                        request.connection().close(); // what follows on this connection cannot be trusted
                    } else if (request.method() == HttpMethod.POST && Routes.VERIFY.equals(request.path())) {
                        if (services.admission().shedIfFull()) {
                            // At the bound: refuse before body parsing and the timeout timer, so that clients
                            // retrying at once (ignoring Retry-After) cost the loop as little as possible.
                            refuse(request, ApiError.OVERLOADED);
                        } else if (lag.lateNanos() > shedNanos) {
                            // The loop is behind: this request already waited, and judging it would make every
                            // later one wait longer. Answering 503 now is cheap and lets the client go elsewhere.
                            services.admission().countShed();
                            refuse(request, ApiError.OVERLOADED);
                        } else {
                            verify.handle(request); // the gates' path skips the router (docs/performance.md)
                        }
                    } else {
                        router.handle(request);
                    }
                });
        return server.listen();
    }

    private void connected(HttpConnection connection) {
        Framing.install(connection, options);
        if (guard.connected(connection)) {
            return;
        }
        // Over the bound: answer its first request with a 503 the client can act on (Retry-After), rather
        // than a bare reset it would retry at once; close it anyway if it sends nothing.
        surplus.add(connection);
        long timer = vertx.setTimer(SURPLUS_CONNECTION_MS, id -> connection.close());
        connection.closeHandler(v -> {
            surplus.remove(connection);
            vertx.cancelTimer(timer);
        });
    }

    private void refuse(HttpServerRequest request, ApiError error) {
        String path = request.path();
        services.metrics().refused(Routes.ALL.contains(path) ? path : "other", error.error());
        if (error == TOO_MANY_CONNECTIONS) {
            request.response().putHeader("Connection", "close");
        }
        ErrorMapper.send(request.response(), error);
    }

    @Override
    public Future<?> stop() {
        // Readiness fails before anything drains (shared by every server, so the first one to stop flips it).
        services.readiness().shutdown();
        var http = services.config().http();
        // Drain first: Vert.x's shutdown closes idle keep-alive connections at once, racing a client's next
        // request; draining answers that request (with Connection: close) for the grace period instead.
        return guard.drain(http.drainGraceMs()).compose(v -> {
            lag.stop();
            guard.stop();
            tls.stop();
            // Then stop accepting, let in-flight requests finish within the grace period, and close the rest.
            return server.shutdown(http.shutdownGraceMs(), TimeUnit.MILLISECONDS);
        });
    }

    /** Returns this server's event loop context (tests occupy it to play a CPU-bound loop). */
    io.vertx.core.Context loop() {
        return context;
    }

    /** Returns the port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return server.actualPort();
    }
}
