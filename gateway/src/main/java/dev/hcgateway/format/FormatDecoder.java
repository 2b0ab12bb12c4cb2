package dev.hcgateway.format;

/**
 * Reads a scanned text layer by layer (prefix, Base45, zlib, COSE_Sign1, claims) into a signed credential whose
 * claims are of type {@code C}, or refuses it with a reason. Pure, thread-safe, never throws on hostile input.
 */
@FunctionalInterface
public interface FormatDecoder<C> {

    /** Decodes a text that starts with the format's prefix. */
    Decoded<C> decode(String text);
}
