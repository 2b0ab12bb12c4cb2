package dev.hcgateway.model;

import java.util.Objects;

/**
 * One validated entry of a lookup answer.
 *
 * @param asOf       epoch seconds of the colour, or -1 when the store gave none (only for {@code unknown})
 * @param ttlSeconds how long the store allows it to be cached, or -1 for the gateway's default
 * @param subject    for a document lookup, the subject the document belongs to; else (or unknown) null
 */
public record StoreColour(Colour colour, long asOf, long ttlSeconds, String subject) {

    public StoreColour {
        Objects.requireNonNull(colour, "colour");
        if (asOf < -1 || ttlSeconds < -1) {
            throw new IllegalArgumentException("asOf and ttlSeconds are -1 (absent) or non-negative");
        }
    }
}
