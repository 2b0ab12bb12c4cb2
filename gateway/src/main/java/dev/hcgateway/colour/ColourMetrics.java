package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.Colour;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The colour stage's families. Labels: {@code kind} is {@code subject} or {@code document}; {@code result},
 * {@code why} and {@code source} come from fixed sets of constants, so every label set is bounded.
 */
final class ColourMetrics {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DistributionSummary> batches = new ConcurrentHashMap<>();

    ColourMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Counts a cache read: a hit is a colour within its TTL. */
    void cache(String kind, boolean hit) {
        String result = hit ? "hit" : "miss";
        counters.computeIfAbsent("cache|" + kind + '|' + result, k -> Counter.builder("hc_colour_cache_requests")
                .description("Colour cache reads; a hit is a colour within its TTL")
                .tags("kind", kind, "result", result).register(registry)).increment();
    }

    /** Counts a miss by what the loader did: batched, coalesced, or refused (and why). */
    void load(String kind, String result) {
        counters.computeIfAbsent("load|" + kind + '|' + result, k -> Counter.builder("hc_colour_loads")
                .description("Cache misses by what the loader did: batched, coalesced, or refused and why")
                .tags("kind", kind, "result", result).register(registry)).increment();
    }

    /** Records the size of one lookup sent to the store. */
    void batch(String kind, int size) {
        batches.computeIfAbsent(kind, k -> DistributionSummary.builder("hc_colour_batch_size")
                .description("Keys per lookup sent to the authoritative store")
                .baseUnit("keys").tag("kind", kind)
                .serviceLevelObjectives(1, 2, 5, 10, 50, 100, 200)
                .register(registry)).record(size);
    }

    /** Counts a degraded colour answer by why and by what stood in ({@code cache}, {@code code}, {@code none}). */
    void degraded(String kind, Degradation why, String source) {
        counters.computeIfAbsent("degraded|" + kind + '|' + why.wire() + '|' + source, k -> Counter
                .builder("hc_colour_degraded")
                .description("Colour answers made without the store's word, by why and what stood in")
                .tags("kind", kind, "why", why.wire(), "source", source).register(registry)).increment();
    }
}
