package dev.hcgateway.colour;

import dev.hcgateway.model.Colour;

import dev.hcgateway.model.StoreColour;
import dev.hcgateway.config.ColourConfig;
import java.util.Objects;

/**
 * A colour the store gave, as cached: fresh until its TTL ends, then kept a while longer to stand in while the
 * store does not answer (reds longer: they must keep denying).
 *
 * @param asOf             epoch seconds of the colour at the store, or -1 when it gave none ({@code unknown})
 * @param subject          the subject of a document lookup, else null (invalidations by subject reach it)
 * @param freshUntilMillis until when it is served as the store's word (source {@code cache})
 * @param keepUntilMillis  until when it may stand in, degraded; the cache drops it then
 */
record CachedColour(Colour colour, long asOf, String subject, long freshUntilMillis, long keepUntilMillis) {

    CachedColour {
        Objects.requireNonNull(colour, "colour");
        if (keepUntilMillis < freshUntilMillis) {
            throw new IllegalArgumentException("kept for less than its TTL");
        }
    }

    /** Returns the cached form of a store's answer received at {@code nowMillis}. */
    static CachedColour of(StoreColour answer, long nowMillis, ColourConfig config) {
        long ttl = answer.ttlSeconds() < 0 ? config.defaultTtlSeconds() : answer.ttlSeconds();
        long fresh = nowMillis + Math.min(ttl, config.maxTtlSeconds()) * 1000L;
        long stale = answer.colour() == Colour.RED
                ? Math.max(config.maxStaleSeconds(), config.redRetentionSeconds()) : config.maxStaleSeconds();
        return new CachedColour(answer.colour(), answer.asOf(), answer.subject(), fresh, fresh + stale * 1000L);
    }

    /** Tells whether it is still within its TTL. */
    boolean freshAt(long nowMillis) {
        return nowMillis < freshUntilMillis;
    }

    /** Tells whether it may still stand in for a store that does not answer. */
    boolean servableAt(long nowMillis) {
        return nowMillis < keepUntilMillis;
    }

    @Override
    public String toString() {
        return "CachedColour[" + colour + ", freshUntil=" + freshUntilMillis + "]"; // no subject in logs
    }
}
