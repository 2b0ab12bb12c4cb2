package dev.hcgateway.cose;

/**
 * Opens the outer layers every COSE_Sign1 code format shares, each bounded before it allocates: a text of at most
 * {@link #MAX_TEXT_LENGTH} characters after its prefix, Base45 (RFC 9285), then zlib (RFC 1950) inflated into at
 * most {@link #MAX_COSE_BYTES} bytes. A format says whether zlib is required or optional (bytes without a zlib
 * header are then the COSE_Sign1 itself). Thread-safe, and never throws on hostile input.
 */
public final class CoseText {

    /** The largest COSE_Sign1 accepted, inflated or not. */
    public static final int MAX_COSE_BYTES = 4096;
    /**
     * The longest text considered: a QR code holds at most 4,296 alphanumeric characters, and any longer text is
     * refused before a byte of it is decoded.
     */
    public static final int MAX_TEXT_LENGTH = 4296;

    private final BoundedInflater inflater = new BoundedInflater(MAX_COSE_BYTES);
    private final boolean zlibRequired;

    /** Creates the opener of a format whose COSE bytes must ({@code zlibRequired}) or may be zlib-compressed. */
    public CoseText(boolean zlibRequired) {
        this.zlibRequired = zlibRequired;
    }

    /**
     * Returns the COSE bytes under the text's layers after its {@code prefixLength} characters, or null when the
     * text is too long or empty, Base45 fails, zlib is required but absent, or inflating fails or passes the cap.
     */
    public byte[] open(String text, int prefixLength) {
        if (text.length() > MAX_TEXT_LENGTH || text.length() == prefixLength) {
            return null;
        }
        byte[] raw = Base45.decode(text, prefixLength);
        if (raw == null || raw.length == 0) {
            return null;
        }
        if (BoundedInflater.isZlib(raw)) {
            return inflater.inflate(raw);
        }
        return zlibRequired || raw.length > MAX_COSE_BYTES ? null : raw;
    }
}
