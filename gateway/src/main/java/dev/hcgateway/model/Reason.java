package dev.hcgateway.model;

/** Why a code got its decision; the wire names are those of the gateway API. */
public enum Reason {
    OK, MALFORMED, UNSUPPORTED_FORMAT, UNSUPPORTED_ALGORITHM, UNKNOWN_KEY, ISSUER_MISMATCH,
    ISSUER_NOT_ACCEPTED, BAD_SIGNATURE, EXPIRED, NOT_YET_VALID, STALE_CODE, REVOKED,
    COLOUR_YELLOW, COLOUR_ORANGE, COLOUR_RED, VACCINATION_REQUIRED, UNKNOWN_SUBJECT,
    AUTHORITY_UNAVAILABLE,
    // EU Digital COVID Certificates (docs/dcc.md)
    KEY_EXPIRED, UNSUITABLE_KEY, FORMAT_NOT_ACCEPTED, DCC_TYPE_NOT_ACCEPTED, VACCINATION_INCOMPLETE, TEST_TOO_OLD,
    TEST_POSITIVE, RECOVERY_NOT_VALID,
    // Anti-passback (docs/passages.md): the same person passed at another place moments ago
    CODE_IN_USE,
    // Offline gates (docs/offline.md): a filter hit in the bundle, and a bundle past its validUntil
    POSSIBLY_REVOKED, BUNDLE_EXPIRED;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    /** Returns the snake-case name used in answers and metric labels. */
    public String wire() {
        return wire;
    }
}
