package dev.hcgateway.authority;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One store client's families: latency per endpoint, and lookups by outcome ({@code ok} or a failure's wire
 * name: errors by kind), each labelled with the store's {@code issuer} (an issuer of the configuration or
 * {@code default}). Every label set is registered up front from constants and the configuration.
 */
final class AuthorityMetrics {

    static final String SUBJECTS = "lookup";
    static final String DOCUMENTS = "lookup_by_document";

    private final Map<String, Timer> latency = new HashMap<>();
    private final Map<String, Counter> outcomes = new HashMap<>();

    AuthorityMetrics(MeterRegistry registry, String issuer) {
        for (String endpoint : new String[]{SUBJECTS, DOCUMENTS}) {
            latency.put(endpoint, Timer.builder("hc_authority_request_duration")
                    .description("Time of one lookup to the authoritative store, whatever its outcome")
                    .tags("endpoint", endpoint, "issuer", issuer)
                    .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50),
                            Duration.ofMillis(150), Duration.ofMillis(500), Duration.ofSeconds(1))
                    .register(registry));
            outcome(registry, endpoint, "ok", issuer);
            for (Failure f : Failure.values()) {
                outcome(registry, endpoint, f.wire(), issuer);
            }
        }
    }

    private void outcome(MeterRegistry registry, String endpoint, String outcome, String issuer) {
        outcomes.put(endpoint + '|' + outcome, Counter.builder("hc_authority_requests")
                .description("Lookups to the authoritative store by outcome (errors by kind)")
                .tags("endpoint", endpoint, "outcome", outcome, "issuer", issuer)
                .register(registry));
    }

    /** Records one finished lookup. */
    void record(String endpoint, LookupResult result, long nanos) {
        latency.get(endpoint).record(nanos, TimeUnit.NANOSECONDS);
        String outcome = result instanceof LookupResult.Unavailable u ? u.failure().wire() : "ok";
        outcomes.get(endpoint + '|' + outcome).increment();
    }
}
