package dev.hcgateway.image;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The image families: decode time by result, decode attempts by strategy, and image requests by outcome.
 * Every label comes from an enum, so every label set is bounded.
 */
public final class ImageMetrics {

    /** How an image request ended. */
    public enum Outcome {
        /** A QR code was read (and judged, whatever the decision). */
        FOUND,
        /** The image decoded but held no readable code (422). */
        NO_CODE,
        /** Refused before or instead of a search: type, size, format, busy, timeout. */
        REFUSED;

        final String label = name().toLowerCase(Locale.ROOT);
    }

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> attempts = new ConcurrentHashMap<>();

    /** Creates the families on a registry. */
    public ImageMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, Counter.builder("hc_image_requests").description("Image requests by outcome")
                    .tag("outcome", o.label).register(registry));
        }
    }

    /** Counts one image request by how it ended. */
    public void outcome(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    /** Records one decode (pixels plus strategies) by its result: found, no_code, unreadable, too_large. */
    void decoded(DecodeResult result, long nanos) {
        String label = result instanceof DecodeResult.Found ? "found"
                : result instanceof DecodeResult.NoCode ? "no_code"
                : result instanceof DecodeResult.Unreadable ? "unreadable" : "too_large";
        timers.computeIfAbsent(label, k -> Timer.builder("hc_image_decode_duration")
                .description("Time to decode one image and search it for a QR code, on the decode pool")
                .tag("result", label).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts one strategy tried on one image. */
    void attempt(Strategy strategy, boolean found) {
        attempts.computeIfAbsent(strategy.label() + '|' + found, k -> Counter.builder("hc_image_decode_attempts")
                .description("QR search attempts by strategy and whether it read a code")
                .tags("strategy", strategy.label(), "found", Boolean.toString(found)).register(registry)).increment();
    }
}
