package dev.hcgateway.http;

import dev.hcgateway.http.connection.ConnectionGuard;
import dev.hcgateway.http.connection.Framing;
import dev.hcgateway.http.connection.TlsSetup;
import dev.hcgateway.http.edge.Edge;
import dev.hcgateway.metrics.EventLoopLag;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server on one event loop; the gateway deploys one per configured instance. Connection defence comes
 * first ({@link ConnectionGuard}: bounds, deadlines, surplus connections answered), then framing
 * ({@link Framing}); a judged request then goes to this loop's {@link Edge}, anything else to the router. It
 * stops gracefully: readiness fails first, open connections are drained for {@code http.drainGraceMs}, then the
 * listener closes and in-flight requests get {@code http.shutdownGraceMs} to finish.
 */
public final class HttpServerVerticle extends VerticleBase {

    private final ApiServices services;
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
        Edge edge = new Edge(vertx, services, context);
        lag = new EventLoopLag(services.metrics().registry()).start(vertx, edge::lag);
        Router router = HttpApi.router(vertx, services, edge);
        guard = new ConnectionGuard(vertx, services);
        guard.start();
        tls = new TlsSetup(vertx, http.tls());
        return tls.configure(options).compose(o -> listen(o, edge, router)).compose(s -> tls.watch(server));
    }

    private Future<HttpServer> listen(HttpServerOptions configured, Edge edge, Router router) {
        server = vertx.createHttpServer(configured)
                .connectionHandler(connection -> {
                    Framing.install(connection, options);
                    guard.connected(connection);
                })
                .requestHandler(request -> {
                    if (!guard.requested(request)) {
                        return; // a connection past a bound: answered 503 too_many_connections
                    }
                    if (Framing.ambiguous(request)) {
                        services.metrics().refused(Routes.label(request.path()), Framing.REFUSED.error());
                        request.response().putHeader("Connection", "close");
                        ErrorMapper.send(request.response(), Framing.REFUSED);
                        request.connection().close(); // at once: what follows on this connection cannot be trusted
                    } else if (!edge.serves(request)) { // the gates' path skips the router (docs/performance.md)
                        router.handle(request);
                    }
                });
        return server.listen();
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
