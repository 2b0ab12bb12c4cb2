package dev.hcgateway.revocation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The revocation mirror's meters (Prometheus names): {@code hc_revocation_mirror_lag_seconds},
 * {@code hc_revocation_mirror_stale}, {@code hc_revocation_mirror_state{state}}, {@code hc_revocation_mirror_serving},
 * {@code hc_revocation_mirror_entries{kind}},
 * {@code hc_revocation_mirror_bytes}, {@code hc_revocation_redis_connected}, {@code hc_revocation_store_lost},
 * {@code hc_revocation_events_applied_total{type}}, {@code hc_revocation_events_unusable_total},
 * {@code hc_revocation_resyncs_total{reason}}, {@code hc_revocation_propagation_seconds}. All labels are bounded.
 */
final class RevocationMetrics {

    private final Counter codes;
    private final Counter subjects;
    private final Counter invalidations;
    private final Counter unusable;
    private final MeterRegistry registry;
    private final Timer propagation;

    RevocationMetrics(MeterRegistry registry, Mirror mirror, MirrorHealth health) {
        this.registry = registry;
        Gauge.builder("hc.revocation.mirror.lag", health, h -> h.lagMillis() / 1000.0).baseUnit("seconds")
                .description("How far the revocation mirror trails Redis").register(registry);
        Gauge.builder("hc.revocation.mirror.stale", health, h -> h.stale() ? 1 : 0)
                .description("1 when the mirror lags more than redis.maxStalenessSeconds").register(registry);
        for (MirrorState.Freshness f : MirrorState.Freshness.values()) {
            Gauge.builder("hc.revocation.mirror.state", health, h -> h.freshness() == f ? 1 : 0).tag("state", f.wire())
                    .description("1 for the mirror's state: live (following Redis), stale (judging from a copy Redis"
                            + " does not confirm now: on-disk, or Redis away), unloaded (judging nothing)")
                    .register(registry);
        }
        Gauge.builder("hc.revocation.mirror.serving", health, h -> h.serving() ? 1 : 0)
                .description("1 while scans are judged by the mirror; 0: every judged route answers 503 not_ready")
                .register(registry);
        Gauge.builder("hc.revocation.mirror.entries", mirror, Mirror::codeCount).tag("kind", "code")
                .description("Revocations held by the mirror").register(registry);
        Gauge.builder("hc.revocation.mirror.entries", mirror, Mirror::subjectCount).tag("kind", "subject")
                .description("Revocations held by the mirror").register(registry);
        Gauge.builder("hc.revocation.mirror", mirror, Mirror::bytes).baseUnit("bytes")
                .description("Heap held by the mirror's tables").register(registry);
        Gauge.builder("hc.revocation.redis.connected", health, h -> h.connected() ? 1 : 0)
                .description("1 while the change stream is followed").register(registry);
        Gauge.builder("hc.revocation.store.lost", health, h -> h.isStoreLost() ? 1 : 0)
                .description("1 when Redis lost or replaced the revocation data this gateway loaded")
                .register(registry);
        codes = applied("code");
        subjects = applied("subject");
        invalidations = applied("invalidate");
        unusable = Counter.builder("hc.revocation.events.unusable")
                .description("Stream entries or set members skipped as malformed or of an unknown type")
                .register(registry);
        propagation = Timer.builder("hc.revocation.propagation")
                .description("From a change's stream id (Redis time) to its application here")
                .register(registry);
    }

    private Counter applied(String type) {
        return Counter.builder("hc.revocation.events.applied").tag("type", type)
                .description("Change-stream entries applied to the mirror").register(registry);
    }

    /** Counts an applied entry by its (registered, so bounded) type; null counts it unusable. */
    void applied(String type, long delayMillis) {
        if (type == null) {
            unusable.increment();
            return;
        }
        switch (type) {
            case "code" -> codes.increment();
            case "subject" -> subjects.increment();
            case "invalidate" -> invalidations.increment();
            default -> applied(type).increment(); // a type another consumer registered: bounded by registrations
        }
        if (delayMillis >= 0) {
            propagation.record(Duration.ofMillis(delayMillis));
        }
    }

    void unusable(long count) {
        unusable.increment(count);
    }

    /** Counts a full reload; {@code reason} is start, gap, generation, restored or rollback. */
    void resynced(String reason) {
        Counter.builder("hc.revocation.resyncs").tag("reason", reason)
                .description("Full loads of the revocation set into the mirror").register(registry).increment();
    }
}
