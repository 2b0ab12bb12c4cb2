package dev.hcgateway.revocation;

import java.util.regex.Pattern;

/**
 * A revoked subject as the store keys it: the subject under one issuer, or under every issuer ({@code *}). The
 * same subject string under two issuers is two people (subjects are pseudonyms each issuer assigns). In Redis the
 * key is the hash field {@code <issuer>:<subject>}: issuers are {@code A-Z0-9-} and never hold {@code :} or
 * {@code *}, so the first {@code :} splits the field and {@code *} cannot be an issuer.
 *
 * @param issuer  the issuer id, or {@link #EVERY_ISSUER}
 * @param subject 1..64 characters without control characters
 */
public record SubjectKey(String issuer, String subject) {

    /** The issuer of a subject revoked under every issuer. */
    public static final String EVERY_ISSUER = "*";
    private static final Pattern ISSUER = Pattern.compile("[A-Z0-9-]{1,32}");

    public SubjectKey {
        if (!validIssuer(issuer) && !EVERY_ISSUER.equals(issuer)) {
            throw new IllegalArgumentException("not an issuer");
        }
        if (!ChangeEvent.validSubject(subject)) {
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
        return s != null && ISSUER.matcher(s).matches();
    }

    /** Tells whether the key covers every issuer. */
    public boolean everyIssuer() {
        return EVERY_ISSUER.equals(issuer);
    }

    /** Returns the issuer, or null for every issuer (the form of the admin API and stream entries). */
    public String issuerOrNull() {
        return everyIssuer() ? null : issuer;
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
        return (validIssuer(issuer) || EVERY_ISSUER.equals(issuer)) && ChangeEvent.validSubject(subject)
                ? new SubjectKey(issuer, subject) : null;
    }

    /** Returns the fingerprint the mirror keeps it under. */
    long fingerprint() {
        return Fingerprints.ofSubject(issuer, subject);
    }

    @Override
    public String toString() {
        return "SubjectKey[issuer=" + issuer + "]"; // never the subject: logs must not carry it
    }
}
