package dev.hcgateway.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;

/** Names every meter {@code hc_...}: Vert.x and JVM meters get the prefix too, so one selector finds them all. */
public final class MetricNames {

    private MetricNames() {
    }

    /** Installs the prefix filter; call before any meter is registered. */
    public static void install(MeterRegistry registry) {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String name = id.getName();
                return name.startsWith("hc_") || name.startsWith("hc.") ? id : id.withName("hc." + name);
            }
        });
    }

    /** Returns a meter name without the {@code hc.} prefix this filter adds. */
    static String bare(String name) {
        return name.startsWith("hc.") ? name.substring(3) : name;
    }
}
