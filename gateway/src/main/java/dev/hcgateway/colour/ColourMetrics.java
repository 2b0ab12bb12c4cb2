package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The colour stage's families for one store, every series labelled with the store's {@code issuer}: an issuer of
 * the configuration, or {@code default} for the default store whatever issuer it answers for (so the label set is
 * bounded by the configuration, never by the codes scanned). Other labels: {@code kind} is {@code subject} or
 * {@code document}; {@code result}, {@code why} and {@code source} come from fixed sets of constants.
 */
final class ColourMetrics {

    /** The {@code issuer} label of the default store. */
    static final String DEFAULT_STORE = "default";

    private final MeterRegistry registry;
    private final String issuer;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DistributionSummary> batches = new ConcurrentHashMap<>();

    ColourMetrics(MeterRegistry registry, String issuer) {
        this.registry = registry;
        this.issuer = issuer;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Returns the store's label. */
    String issuer() {
        return issuer;
    }

    /** Returns the counter of cache reads of {@code kind}: a hit is a colour within its TTL (resolved once per lane). */
    Counter cacheReads(String kind, boolean hit) {
        return Counter.builder("hc_colour_cache_requests")
                .description("Colour cache reads; a hit is a colour within its TTL")
                .tags("kind", kind, "result", hit ? "hit" : "miss", "issuer", issuer).register(registry);
    }

    /** Counts a miss by what the loader did: batched, coalesced, or refused (and why). */
    void load(String kind, String result) {
        counters.computeIfAbsent("load|" + kind + '|' + result, k -> Counter.builder("hc_colour_loads")
                .description("Cache misses by what the loader did: batched, coalesced, or refused and why")
                .tags("kind", kind, "result", result, "issuer", issuer).register(registry)).increment();
    }

    /** Records the size of one lookup sent to the store. */
    void batch(String kind, int size) {
        batches.computeIfAbsent(kind, k -> DistributionSummary.builder("hc_colour_batch_size")
                .description("Keys per lookup sent to the authoritative store")
                .baseUnit("keys").tags("kind", kind, "issuer", issuer)
                .serviceLevelObjectives(1, 2, 5, 10, 50, 100, 200)
                .register(registry)).record(size);
    }

    /** Counts a degraded colour answer by why and by what stood in ({@code cache}, {@code code}, {@code none}). */
    void degraded(String kind, Degradation why, String source) {
        counters.computeIfAbsent("degraded|" + kind + '|' + why.wire() + '|' + source, k -> Counter
                .builder("hc_colour_degraded")
                .description("Colour answers made without the store's word, by why and what stood in")
                .tags("kind", kind, "why", why.wire(), "source", source, "issuer", issuer).register(registry))
                .increment();
    }
}
