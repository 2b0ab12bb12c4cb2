package dev.hcgateway.revocation;

import java.util.Locale;
import java.util.Objects;

/**
 * How trustworthy the local revocation mirror is.
 *
 * @param mode       {@code local} (in-process only) or {@code redis}
 * @param freshness  whether the mirror follows Redis ({@code live}), judges from a copy Redis does not confirm
 *                   right now ({@code stale}: loaded from disk, or Redis away), or holds nothing yet
 * @param loadedFrom {@code redis} or {@code disk}, null while unloaded
 * @param connected  whether the source of truth answers
 * @param lagMillis  how long since the mirror was last known to hold everything Redis had (0 when in step);
 *                   while unloaded, how long the gateway has been without one
 * @param entries    revoked codes and subjects held
 * @param serving    false while unloaded or past the staleness bound: no code is judged (503 not_ready)
 * @param problem    what is wrong, or null
 */
public record MirrorState(String mode, Freshness freshness, String loadedFrom, boolean connected, long lagMillis,
                          long entries, boolean serving, String problem) {

    public MirrorState {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(freshness, "freshness");
    }

    /** Whether the mirror follows its source. */
    public enum Freshness {
        /** Loaded and following Redis. */
        LIVE,
        /** Loaded, but Redis does not confirm it right now (loaded from disk, or Redis away). */
        STALE,
        /** Nothing loaded yet: nothing is judged. */
        UNLOADED;

        /** Returns the name written in readiness and metrics. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Returns the state of a mirror that is its own source (in-process revocations). */
    public static MirrorState local(long entries) {
        return new MirrorState("local", Freshness.LIVE, "memory", true, 0, entries, true, null);
    }
}
