package dev.hcgateway.loadtest.bench;

import dev.hcgateway.metrics.HttpServerMeters;
import dev.hcgateway.metrics.Telemetry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MicrometerMetricsFactory;

/**
 * The cost of the HTTP server's metrics for one request, the calls Vert.x makes for a kept-alive verify (a read,
 * request begin and end, routed, response begin and end, a write), on Vert.x's Micrometer metrics with the
 * gateway's labels ({@code vertx}) or on the gateway's own pre-bound meters ({@code own}). Prints the thread's CPU
 * per request; under callgrind, run it twice with different counts and divide the difference in instructions by
 * the difference in requests (startup cancels out):
 * <pre>
 * valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.%p java -Xint? ... (see docs/performance.md)
 * hc-loadtest main dev.hcgateway.loadtest.bench.HttpMetricsCost vertx 2000000
 * </pre>
 */
public final class HttpMetricsCost {

    private HttpMetricsCost() {
    }

    public static void main(String[] args) {
        String impl = args.length > 0 ? args[0] : "own";
        long n = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
        PrometheusMeterRegistry registry = Telemetry.registry();
        SocketAddress local = SocketAddress.inetSocketAddress(8080, "127.0.0.1");
        SocketAddress remote = SocketAddress.inetSocketAddress(40000, "127.0.0.1");
        @SuppressWarnings("unchecked")
        HttpServerMetrics<Object, Object, Object> metrics = (HttpServerMetrics<Object, Object, Object>) (impl.equals("vertx")
                ? new MicrometerMetricsFactory(registry).metrics(new VertxOptions().setMetricsOptions(
                        Telemetry.metricsOptions())).createHttpServerMetrics(new HttpServerOptions(), local)
                : new HttpServerMeters(registry, Telemetry.UNMEASURED));
        Object socket = metrics.connected(remote, "127.0.0.1");
        Request request = new Request(remote);
        Response response = new Response();
        run(metrics, socket, request, response, 200_000); // warm-up: compiled before the measured loop
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        run(metrics, socket, request, response, n);
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        System.out.printf("http_metrics impl=%s requests=%d cpu_ns_per_request=%.1f%n", impl, n, (double) cpu / n);
    }

    private static void run(HttpServerMetrics<Object, Object, Object> m, Object socket, Request request,
                            Response response, long n) {
        for (long i = 0; i < n; i++) {
            m.bytesRead(socket, request.remote, 180);
            Object r = m.requestBegin(socket, request);
            m.requestEnd(r, request, 120);
            m.requestRouted(r, "/v1/verify");
            m.responseBegin(r, response);
            m.responseEnd(r, response, 260);
            m.bytesWritten(socket, request.remote, 260);
        }
    }

    private record Request(SocketAddress remote) implements HttpRequest {
        private static final MultiMap HEADERS = MultiMap.caseInsensitiveMultiMap();

        @Override
        public int id() {
            return 1;
        }

        @Override
        public String uri() {
            return "/v1/verify";
        }

        @Override
        public String absoluteURI() {
            return "http://127.0.0.1:8080/v1/verify";
        }

        @Override
        public HttpMethod method() {
            return HttpMethod.POST;
        }

        @Override
        public MultiMap headers() {
            return HEADERS;
        }

        @Override
        public SocketAddress remoteAddress() {
            return remote;
        }
    }

    private static final class Response implements HttpResponse {
        private static final MultiMap HEADERS = MultiMap.caseInsensitiveMultiMap();

        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public MultiMap headers() {
            return HEADERS;
        }
    }
}
