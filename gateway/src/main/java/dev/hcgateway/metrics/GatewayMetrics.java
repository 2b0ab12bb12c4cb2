package dev.hcgateway.metrics;

import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The verify families: latency by endpoint and decision, decisions by reason and scene, degraded answers.
 * Label values come from enums and configured scene names only, so every label set is bounded.
 */
public final class GatewayMetrics {

    /** SLO buckets of the verify latency histogram. */
    static final Duration[] SLO = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(1000)};

    private static final int DECISIONS = Decision.values().length;
    private static final int REASONS = Reason.values().length;

    private final MeterRegistry registry;
    // Meters by label values, resolved once: the per-request path does two map lookups on constant strings and
    // array reads, with no key to build. Arrays fill lazily; two threads racing on a slot register the same meter
    // (Micrometer returns the existing one), so the race is benign.
    private final ConcurrentHashMap<String, Timer[]> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Counter[]>> decisions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter[]> degradedAnswers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    /** Creates the families on a registry. */
    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Returns the registry, for stages that register their own families. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Records one judged credential, a code or an identity document. */
    public void judged(String endpoint, String scene, Outcome outcome, long nanos) {
        Decision decision = outcome.decision();
        Reason reason = outcome.reason();
        Timer[] byDecision = timers.computeIfAbsent(endpoint, k -> new Timer[DECISIONS]);
        slot(byDecision, decision.ordinal(), () -> Timer.builder("hc_verify_duration")
                .description("Time to judge one code, from request to answer")
                .tags("endpoint", endpoint, "decision", decision.wire())
                .serviceLevelObjectives(SLO)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        Counter[] table = decisions.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(scene, k -> new Counter[DECISIONS * REASONS]);
        slot(table, decision.ordinal() * REASONS + reason.ordinal(), () -> Counter.builder("hc_verify_decisions")
                .description("Judged codes by endpoint, scene, decision and reason")
                .tags("endpoint", endpoint, "scene", scene, "decision", decision.wire(), "reason", reason.wire())
                .register(registry)).increment();
        if (outcome.degraded()) {
            Counter[] byReason = degradedAnswers.computeIfAbsent(scene, k -> new Counter[REASONS]);
            slot(byReason, reason.ordinal(), () -> Counter.builder("hc_degraded_answers")
                    .description("Answers decided by a stand-in because the store could not answer")
                    .tags("scene", scene, "reason", reason.wire())
                    .register(registry)).increment();
        }
    }

    /** Returns the meter in {@code slots[i]}, registering it the first time (a race registers the same meter). */
    private static <M> M slot(M[] slots, int i, Supplier<M> register) {
        M meter = slots[i];
        if (meter == null) {
            meter = register.get();
            slots[i] = meter;
        }
        return meter;
    }

    /** Counts a request refused before judging (400, 413, 503...), by endpoint and error code. */
    public void refused(String endpoint, String error) {
        counters.computeIfAbsent("refused|" + endpoint + '|' + error, k -> Counter.builder("hc_requests_refused")
                .description("Requests refused before any code was judged")
                .tags("endpoint", endpoint, "error", error)
                .register(registry)).increment();
    }
}
