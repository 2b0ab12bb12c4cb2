package dev.hcgateway.format;

/**
 * One code format: the context prefix it owns and the decode stages behind it (prefix, Base45, zlib,
 * COSE_Sign1, claims), ending in a {@link Decoded.Signed} credential or a {@link Decoded.Refused} text.
 * Implementations are pure and thread-safe, and never throw on hostile input.
 */
public interface CodeFormat {

    /** Returns the context prefix, e.g. {@code HCN1:}. */
    String prefix();

    /** Decodes a text that starts with {@link #prefix()}. */
    Decoded decode(String text);
}
