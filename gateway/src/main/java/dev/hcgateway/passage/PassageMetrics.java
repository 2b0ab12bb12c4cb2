package dev.hcgateway.passage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.time.Clock;

/** The passages meters: journal size and lag, shipped and failed batches, dropped passages, store latency. */
final class PassageMetrics {

    private volatile long oldestUnshipped;
    private final Counter shipped;
    private final Counter okBatches;
    private final Counter failedBatches;
    private final Timer store;

    /** Registers the meters; the journal ones read {@code journal} (null: no journal, they read 0). */
    PassageMetrics(MeterRegistry registry, Journal journal, Clock clock) {
        Gauge.builder("hc_passages_journal", () -> journal == null ? 0 : journal.bytes()).baseUnit("bytes")
                .description("Bytes the local passages journal holds on disk").register(registry);
        Gauge.builder("hc_passages_oldest_unshipped",
                        () -> oldestUnshipped == 0 ? 0 : Math.max(0, clock.millis() - oldestUnshipped) / 1000.0)
                .baseUnit("seconds").description("Age of the oldest passage not yet in the store; 0 when none")
                .register(registry);
        FunctionCounter.builder("hc_passages_dropped", journal, j -> j == null ? 0 : j.dropped())
                .description("Passages not recorded because the journal was full or unwritable").register(registry);
        shipped = Counter.builder("hc_passages_shipped").description("Passages written to the store")
                .register(registry);
        okBatches = Counter.builder("hc_passages_batches").tag("outcome", "stored")
                .description("Batches of passages sent to the store, by outcome").register(registry);
        failedBatches = Counter.builder("hc_passages_batches").tag("outcome", "failed")
                .description("Batches of passages sent to the store, by outcome").register(registry);
        store = Timer.builder("hc_passages_store_duration").description("Time of one batch written to the store")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50),
                        Duration.ofMillis(200), Duration.ofMillis(1000), Duration.ofMillis(5000))
                .register(registry);
    }

    /** Counts a batch stored, of {@code passages} passages, that took {@code nanos}. */
    void stored(int passages, long nanos) {
        okBatches.increment();
        shipped.increment(passages);
        store.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a batch the store refused or did not answer. */
    void failed(long nanos) {
        failedBatches.increment();
        store.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Sets the answer time of the oldest passage read and not yet stored (0: none waiting). */
    void oldestUnshipped(long at) {
        oldestUnshipped = at;
    }

    /** Returns the answer time of the oldest passage read and not yet stored, 0 when none is waiting. */
    long oldestUnshipped() {
        return oldestUnshipped;
    }
}
