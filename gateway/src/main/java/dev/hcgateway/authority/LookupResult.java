package dev.hcgateway.authority;

import dev.hcgateway.model.StoreColour;

import java.util.Map;
import java.util.Objects;

/** The result of one lookup: the store's colours, or why it gave none. Never an exception. */
public sealed interface LookupResult permits LookupResult.Colours, LookupResult.Unavailable {

    /**
     * A valid answer: exactly one colour per key asked for.
     *
     * @param byKey colours by subject (subject lookups) or by hash (document lookups)
     */
    record Colours(Map<String, StoreColour> byKey) implements LookupResult {
        public Colours {
            byKey = Map.copyOf(byKey);
        }
    }

    /**
     * No usable answer.
     *
     * @param retryAfterMillis for {@link Failure#SHED}: how long to send nothing (already capped); else 0
     */
    record Unavailable(Failure failure, long retryAfterMillis) implements LookupResult {
        public Unavailable {
            Objects.requireNonNull(failure, "failure");
            if (retryAfterMillis < 0) {
                throw new IllegalArgumentException("retryAfterMillis must not be negative");
            }
        }
    }
}
