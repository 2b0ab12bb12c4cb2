package dev.hcgateway.model;

/**
 * A person as an issuer names them: the subject under one issuer, or under every issuer ({@code *}). The same subject
 * string under two issuers is two people (subjects are pseudonyms each issuer assigns), so colours, lookups,
 * invalidations and subject revocations all key on this pair. A code always gives one issuer; {@code *} is only
 * what a revocation or an invalidation without an issuer reaches. In Redis the pair is the hash field
 * {@code <issuer>:<subject>}: issuers are {@code A-Z0-9-} and never hold {@code :} or {@code *}, so the first
 * {@code :} splits the field and {@code *} cannot be an issuer.
 *
 * <p>Made for every scan of a code that asks the colour stage: both checks are plain loops (no regex, no stream),
 * and the record is the only allocation they add.
 *
 * @param issuer  the issuer id, or {@link #EVERY_ISSUER}
 * @param subject 1..64 characters without control characters
 */
public record SubjectKey(String issuer, String subject) {

    /** The issuer of a subject revoked or invalidated under every issuer. */
    public static final String EVERY_ISSUER = "*";
    private static final int MAX_ISSUER = 32;
    private static final int MAX_SUBJECT = 64;

    public SubjectKey {
        if (!validIssuer(issuer) && !EVERY_ISSUER.equals(issuer)) {
            throw new IllegalArgumentException("not an issuer");
        }
        if (!validSubject(subject)) {
            throw new IllegalArgumentException("not a subject");
        }
    }

    /** Returns the key of a subject under {@code issuer}, or under every issuer when it is null. */
    public static SubjectKey of(String issuer, String subject) {
        return new SubjectKey(issuer == null ? EVERY_ISSUER : issuer, subject);
    }

    /** Returns the key of a subject under every issuer. */
    public static SubjectKey everyIssuer(String subject) {
        return new SubjectKey(EVERY_ISSUER, subject);
    }

    /** Tells whether {@code s} is an issuer id of the health-code spec: 1..32 of {@code A-Z0-9-}. */
    public static boolean validIssuer(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_ISSUER) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Tells whether {@code s} is a subject: 1..64 characters (code points) without control characters. */
    public static boolean validSubject(String s) {
        if (s == null || s.isEmpty() || s.length() > 2 * MAX_SUBJECT) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return s.length() <= MAX_SUBJECT || s.codePointCount(0, s.length()) <= MAX_SUBJECT;
    }

    /** Tells whether the key covers every issuer. */
    public boolean everyIssuer() {
        return EVERY_ISSUER.equals(issuer);
    }

    /** Returns the issuer, or null for every issuer (the form of the admin API and stream entries). */
    public String issuerOrNull() {
        return everyIssuer() ? null : issuer;
    }

    /** Tells whether this key reaches {@code other}: the same subject, under the same issuer or under every issuer. */
    public boolean covers(SubjectKey other) {
        return subject.equals(other.subject) && (everyIssuer() || issuer.equals(other.issuer));
    }

    /** Returns the Redis hash field: {@code <issuer>:<subject>}. */
    public String field() {
        return issuer + ":" + subject;
    }

    /** Reads a Redis hash field; returns null when it is no key. */
    public static SubjectKey ofField(String field) {
        int colon = field == null ? -1 : field.indexOf(':');
        if (colon < 1) {
            return null;
        }
        String issuer = field.substring(0, colon);
        String subject = field.substring(colon + 1);
        return (validIssuer(issuer) || EVERY_ISSUER.equals(issuer)) && validSubject(subject)
                ? new SubjectKey(issuer, subject) : null;
    }

    @Override
    public String toString() {
        return "SubjectKey[issuer=" + issuer + "]"; // never the subject: logs must not carry it
    }
}
