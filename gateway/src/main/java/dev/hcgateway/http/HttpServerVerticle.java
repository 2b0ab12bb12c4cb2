package dev.hcgateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/** One HTTP server on one event loop; the gateway deploys one per configured instance. */
public final class HttpServerVerticle extends VerticleBase {

    private final ApiServices services;
    private HttpServer server;

    /** Creates a server over shared services. */
    public HttpServerVerticle(ApiServices services) {
        this.services = services;
    }

    @Override
    public Future<?> start() {
        var http = services.config().http();
        HttpServerOptions options = new HttpServerOptions()
                .setHost(http.host())
                .setPort(http.port())
                .setIdleTimeout(http.idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setTcpNoDelay(true)
                .setMaxInitialLineLength(2048)
                .setMaxHeaderSize(8192)
                .setCompressionSupported(false);
        server = vertx.createHttpServer(options).requestHandler(HttpApi.router(vertx, services));
        return server.listen();
    }

    @Override
    public Future<?> stop() {
        // Graceful: stop accepting, let in-flight requests finish within the grace period.
        return server.shutdown(services.config().http().shutdownGraceMs(), TimeUnit.MILLISECONDS);
    }

    /** Returns the port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return server.actualPort();
    }
}
