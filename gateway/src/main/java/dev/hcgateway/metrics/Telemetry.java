package dev.hcgateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Builds the registry {@code /metrics} exposes and a Vert.x instance that reports into it: the HTTP server's own
 * families labelled by route (never by raw path; {@link HttpServerMeters}), JVM, worker-pool and Netty event-loop
 * metrics, all named {@code hc_...} in base units. Main and the tests build the same thing here, so what a test
 * scrapes is what production serves.
 */
public final class Telemetry {

    /** The route and client name of the gateway's own warm-up requests: no served metric counts them. */
    public static final String UNMEASURED = "warmup";

    /** Buckets of the HTTP server latency histogram, around the gate's budget. */
    static final Duration[] HTTP_SLO = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofMillis(1000)};

    /** Buckets of every other timer (GC pauses, worker-pool waits): wide, as they range from 1 ms to seconds. */
    static final Duration[] TIMER_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(5)};

    private Telemetry() {
    }

    /** Returns a new Prometheus registry with the naming and unit filters installed, before any meter exists. */
    public static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Meters whose values Micrometer reports in ms or ns: Prometheus wants seconds, and a filter cannot
        // rescale, so they are dropped and the useful one is registered again in seconds below.
        // Filters see the id after every name mapping (the hc. prefix included), whatever their order.
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                String name = MetricNames.bare(id.getName());
                // netty.eventexecutor.workers has no tag, yet each event-loop group (acceptor, loops) registers
                // it: the second is refused with a WARN at every start and the one kept counts one group only.
                // The worker counts are fixed at start (one loop per core), so the gauge is dropped.
                return name.equals("jvm.compilation.time") || name.equals("process.cpu.time")
                        || name.equals("netty.eventexecutor.workers")
                        ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                // Every other timer (GC pauses, worker-pool queue and usage times) would be a summary, whose
                // quantiles cannot be summed across pods: give it buckets so it is a histogram too.
                if (id.getType() == Meter.Type.TIMER && config.getServiceLevelObjectiveBoundaries() == null) {
                    return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos(TIMER_BUCKETS))
                            .build().merge(config);
                }
                return config;
            }
        });
        registry.config().meterFilter(new PrometheusUnits());
        MetricNames.install(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu.seconds", os, o -> o.getProcessCpuTime() / 1e9)
                    .description("CPU time used by the gateway process").baseUnit("seconds").register(registry);
        }
        return registry;
    }

    /** Returns the Vert.x metrics options: bounded labels only (route, method, status code, pool). */
    public static MicrometerMetricsOptions metricsOptions() {
        return new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                // Event-loop pending tasks and Netty buffer memory.
                .setNettyMetricsEnabled(true)
                // HTTP_ROUTE is the matched route template (an unknown path has none), never HTTP_PATH: a scanner
                // probing random paths must not create a series per path. No REMOTE: one per client address.
                .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
                        Label.POOL_NAME, Label.CLIENT_NAME, Label.NAMESPACE));
    }

    /** Returns a Vert.x instance reporting into {@code registry}. */
    public static Vertx vertx(PrometheusMeterRegistry registry, VertxOptions options) {
        return Vertx.builder()
                .with(options.setMetricsOptions(metricsOptions()))
                .withMetrics(new GatewayVertxMetrics(registry, UNMEASURED))
                .build();
    }

    private static double[] nanos(Duration[] buckets) {
        double[] out = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            out[i] = buckets[i].toNanos();
        }
        return out;
    }
}
