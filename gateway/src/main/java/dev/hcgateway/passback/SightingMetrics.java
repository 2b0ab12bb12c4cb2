package dev.hcgateway.passback;

import dev.hcgateway.changes.ContactHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The fleet sightings' meters: {@code hc_passback_sightings_published_total}, {@code ..._received_total},
 * {@code ..._dropped_total}, {@code hc_passback_sighting_lag_seconds} (a histogram: receive time minus pass time,
 * both from the gateways' clocks) and {@code hc_passback_sightings_fleet} (1 while shared over Redis).
 */
final class SightingMetrics {

    private final Counter published;
    private final Counter received;
    private final Counter dropped;
    private final Timer lag;

    SightingMetrics(MeterRegistry registry, ContactHealth fleet) {
        published = Counter.builder("hc.passback.sightings.published")
                .description("This gateway's passes published to the fleet").register(registry);
        received = Counter.builder("hc.passback.sightings.received")
                .description("Other gateways' passes received into the sightings map").register(registry);
        dropped = Counter.builder("hc.passback.sightings.dropped")
                .description("Passes not published: queue full while Redis was away, or the write failed")
                .register(registry);
        lag = Timer.builder("hc.passback.sighting.lag")
                .description("From a pass on another gateway to its sighting here")
                .serviceLevelObjectives(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(5))
                .register(registry);
        // The gauge holds its object weakly: the health itself (held by the share), never a lambda around it.
        Gauge.builder("hc.passback.sightings.fleet", fleet, f -> f.connected() ? 1 : 0)
                .description("1 while passes are shared with the fleet over Redis, 0 when detection is per gateway")
                .register(registry);
    }

    void published(int n) {
        published.increment(n);
    }

    void dropped(int n) {
        dropped.increment(n);
    }

    /** Counts a received sighting and its lag in milliseconds (a negative lag, from clock skew, counts as 0). */
    void received(long lagMillis) {
        received.increment();
        lag.record(Duration.ofMillis(Math.max(0, lagMillis)));
    }
}
