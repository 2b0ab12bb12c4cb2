package dev.hcgateway.config;

/**
 * A token bucket's settings: {@code perSecond} tokens a second, holding at most {@code burst}.
 *
 * @param perSecond refill rate; 0 means no limit
 * @param burst     tokens a quiet client may save up (at least {@code perSecond} when limited)
 */
public record RateLimit(int perSecond, int burst) {

    /** No limit. */
    public static final RateLimit NONE = new RateLimit(0, 0);

    /** Returns whether this limits anything. */
    public boolean limited() {
        return perSecond > 0;
    }

    /** Reads {@code rateKey} and {@code burst} of a {@code rateLimit} map; a missing map is no limit. */
    static RateLimit from(ConfigNode n, String rateKey) {
        if (n.keys().isEmpty()) {
            return NONE;
        }
        int rate = n.integer(rateKey, 0, 1_000_000);
        int burst = n.integer("burst", 0, 10_000_000);
        if (rate > 0 && burst < 1) {
            throw n.fail("burst", "must be at least 1 when " + rateKey + " is set");
        }
        return rate == 0 ? NONE : new RateLimit(rate, burst);
    }
}
