package dev.hcgateway.image;

import java.util.Objects;

/** What decoding an image gave: the text of a QR code, or why there is none. */
public sealed interface DecodeResult
        permits DecodeResult.Found, DecodeResult.NoCode, DecodeResult.Unreadable, DecodeResult.TooLarge {

    /** A QR code was read. */
    record Found(String text, Strategy strategy) implements DecodeResult {
        public Found {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(strategy, "strategy");
        }
    }

    /**
     * The image decoded but no strategy read a code.
     *
     * @param budgetSpent true when the decode budget ran out before every strategy was tried
     */
    record NoCode(int attempts, boolean budgetSpent) implements DecodeResult {
    }

    /** The pixel data could not be decoded (truncated, corrupt, or an unsupported variant of the format). */
    record Unreadable(String message) implements DecodeResult {
        public Unreadable {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The decoder's own reading of the dimensions is over the limit (a second check after the header's). */
    record TooLarge(long pixels) implements DecodeResult {
    }
}
