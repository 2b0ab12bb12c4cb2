package dev.hcgateway.tracer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The tracer's meters: query time by kind, refusals by error code (a fixed set), audit rows that could not be
 * written (each one a query left unanswered: an operator must act), and officer-key reloads that failed.
 */
final class TracerMetrics {

    private final MeterRegistry registry;
    private final Counter auditFailures;
    private final Counter keyFailures;

    TracerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.auditFailures = Counter.builder("hc_tracer_audit_failures")
                .description("Tracer queries not answered because their audit row could not be written")
                .register(registry);
        this.keyFailures = Counter.builder("hc_tracer_officer_keys_failures")
                .description("Reads of tracer.jwks that failed (the last good keys stay in use)").register(registry);
    }

    /** Records the store time of a query of this kind. */
    void queried(String kind, long nanos) {
        Timer.builder("hc_tracer_query_duration").tag("kind", kind)
                .description("Store time of one tracer query, audit row included")
                .serviceLevelObjectives(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(200),
                        Duration.ofMillis(500), Duration.ofMillis(2000))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a refused tracer request by its error code. */
    void refused(String error) {
        Counter.builder("hc_tracer_refusals").tag("error", error)
                .description("Tracer requests refused, by error code").register(registry).increment();
    }

    /** Counts a query left unanswered for want of its audit row. */
    void auditFailed() {
        auditFailures.increment();
    }

    /** Counts a failed read of the officer keys. */
    void keysFailed() {
        keyFailures.increment();
    }
}
