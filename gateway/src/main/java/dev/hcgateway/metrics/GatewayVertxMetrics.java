package dev.hcgateway.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Vert.x's metrics: Micrometer's for the JVM, pools, Netty and clients, except the HTTP server, whose families
 * are the gateway's own pre-bound ones ({@link HttpServerMeters}). A client named {@code skipped} (the warm-up's)
 * is not measured.
 */
final class GatewayVertxMetrics implements VertxMetricsFactory {

    private final MicrometerMetricsFactory micrometer;
    private final MeterRegistry registry;
    private final String skipped;

    GatewayVertxMetrics(MeterRegistry registry, String skipped) {
        this.micrometer = new MicrometerMetricsFactory(registry);
        this.registry = registry;
        this.skipped = skipped;
    }

    @Override
    public VertxMetrics metrics(VertxOptions options) {
        return new Delegating(micrometer.metrics(options), new HttpServerMeters(registry, skipped), skipped);
    }

    @Override
    public MetricsOptions newOptions() {
        return micrometer.newOptions();
    }

    @Override
    public MetricsOptions newOptions(MetricsOptions options) {
        return micrometer.newOptions(options);
    }

    /** Micrometer's metrics with the HTTP server's replaced, one instance for every server of the Vert.x. */
    private record Delegating(VertxMetrics micrometer, HttpServerMeters server, String skipped) implements VertxMetrics {

        @Override
        public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress local) {
            return server;
        }

        @Override
        public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
            return skipped.equals(options.getMetricsName()) ? null : micrometer.createHttpClientMetrics(options);
        }

        @Override
        public EventBusMetrics createEventBusMetrics() {
            return micrometer.createEventBusMetrics();
        }

        @Override
        public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remote, String type, String namespace) {
            return micrometer.createClientMetrics(remote, type, namespace);
        }

        @Override
        public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress local) {
            return micrometer.createNetServerMetrics(options, local);
        }

        @Override
        public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
            return micrometer.createNetClientMetrics(options);
        }

        @Override
        public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
            return micrometer.createDatagramSocketMetrics(options);
        }

        @Override
        public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
            return micrometer.createPoolMetrics(type, name, maxSize);
        }

        @Override
        public void vertxCreated(Vertx vertx) {
            micrometer.vertxCreated(vertx);
        }

        @Override
        public boolean isMetricsEnabled() {
            return micrometer.isMetricsEnabled();
        }

        @Override
        public void close() {
            micrometer.close();
        }
    }
}
