package dev.hcgateway.crypto;

/** The COSE signature algorithms the gateway verifies, by their COSE label. */
public enum SignatureAlgorithm {
    /** ECDSA P-256 with SHA-256, signature {@code r || s}. */
    ES256(-7),
    /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt. */
    PS256(-37);

    private final int label;

    SignatureAlgorithm(int label) {
        this.label = label;
    }

    /** Returns the COSE {@code alg} value. */
    public int label() {
        return label;
    }

    /** Returns the algorithm of a COSE {@code alg} value, or null when the gateway does not verify it. */
    public static SignatureAlgorithm ofLabel(long label) {
        for (SignatureAlgorithm a : values()) {
            if (a.label == label) {
                return a;
            }
        }
        return null;
    }
}
