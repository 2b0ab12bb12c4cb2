package dev.hcgateway.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.Set;

/**
 * Gives library meters the units and labels Prometheus conventions ask for: a unit suffix on every gauge
 * ({@code _bytes}, {@code _ratio}) and no label whose value changes on each restart. Micrometer's Prometheus
 * naming appends the base unit to the name, so setting it is enough.
 */
final class PrometheusUnits implements MeterFilter {

    /** Netty buffer-pool gauges measured in bytes. */
    private static final Set<String> BYTES = Set.of("netty.allocator.memory.used", "netty.allocator.memory.pinned",
            "netty.allocator.pooled.chunk.size");
    /** Gauges that are a fraction of 1 (heap in use after GC, CPU time spent in GC). */
    private static final Set<String> RATIOS = Set.of("jvm.memory.usage.after.gc", "jvm.gc.overhead");

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = MetricNames.bare(id.getName());
        Meter.Id out = id;
        if (BYTES.contains(name)) {
            out = out.withBaseUnit("bytes");
        } else if (RATIOS.contains(name)) {
            out = out.withBaseUnit("ratio");
        } else if (name.equals("vertx.pool.ratio")) {
            // "ratio" of what: in-use over maximum size. (vertx.pool.usage is already the usage-time histogram.)
            out = out.withName("hc.vertx.pool.utilization").withBaseUnit("ratio");
        }
        if (name.startsWith("netty.allocator.") && out.getTag("id") != null) {
            // The allocator's identity hash: a new value (new series) on every restart. One allocator per
            // kind and memory type is in use, so the remaining labels still tell the series apart.
            List<Tag> kept = out.getTags().stream().filter(t -> !t.getKey().equals("id")).toList();
            out = out.replaceTags(kept);
        }
        return out;
    }
}
