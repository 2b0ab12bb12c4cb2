package dev.hcgateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server's own families, fed by Vert.x's metrics SPI: {@code hc_http_requests_total} by route and status
 * code, and {@code hc_http_request_duration_seconds} by route (head read to answer written). Meters are resolved
 * once per route and status and then read from arrays: Vert.x's Micrometer server metrics built tags and looked
 * meters up on every request, 7 to 13 % of the event loop's samples. Route labels are the router's templates and
 * the edge's paths, so the set is bounded; requests the warm-up marks as its own are not counted.
 */
public final class HttpServerMeters implements HttpServerMetrics<HttpServerMeters.Exchange, Void, Void> {

    /** The route label of requests no route took (404s, probes of random paths). */
    static final String OTHER = "other";
    /** Route labels kept before the rest are counted as {@link #OTHER}: the router has a few dozen at most. */
    static final int MAX_ROUTES = 64;

    private final MeterRegistry registry;
    private final String skipped;
    private final ConcurrentHashMap<String, Route> routes = new ConcurrentHashMap<>();
    private final Route other;

    /** Creates the families on a registry; requests routed as {@code skipped} are not counted. */
    public HttpServerMeters(MeterRegistry registry, String skipped) {
        this.registry = registry;
        this.skipped = skipped;
        this.other = route(OTHER);
    }

    /** One request in progress: when its head was read, and the route it took. */
    public static final class Exchange {
        final long start = System.nanoTime();
        String route;
    }

    /** One route's meters: the latency histogram and a counter per status code, made on first use. */
    private final class Route {
        final String name;
        final Timer duration;
        final Counter[] byStatus = new Counter[600];

        Route(String name) {
            this.name = name;
            this.duration = Timer.builder("hc_http_request_duration").tag("route", name)
                    .description("HTTP server time per request, from its head to its answer, by route")
                    .serviceLevelObjectives(Telemetry.HTTP_SLO).register(registry);
        }

        void answered(int status, long nanos) {
            duration.record(nanos, TimeUnit.NANOSECONDS);
            int s = status >= 100 && status < 600 ? status : 0;
            Counter c = byStatus[s];
            if (c == null) {
                // A race registers the same meter twice: Micrometer returns the one already there.
                c = Counter.builder("hc_http_requests").tag("route", name).tag("code", Integer.toString(s))
                        .description("HTTP answers by route and status code").register(registry);
                byStatus[s] = c;
            }
            c.increment();
        }
    }

    private Route route(String name) {
        Route r = routes.get(name);
        if (r == null) {
            r = routes.size() >= MAX_ROUTES ? other : routes.computeIfAbsent(name, Route::new);
        }
        return r;
    }

    @Override
    public Exchange requestBegin(Void socket, HttpRequest request) {
        return new Exchange();
    }

    @Override
    public void requestRouted(Exchange exchange, String route) {
        exchange.route = route;
    }

    @Override
    public void responseEnd(Exchange exchange, HttpResponse response, long bytesWritten) {
        if (exchange == null || skipped.equals(exchange.route)) {
            return;
        }
        (exchange.route == null ? other : route(exchange.route))
                .answered(response.statusCode(), System.nanoTime() - exchange.start);
    }
}
