package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of the change stream, as written by the gateway's scripts or directly by an issuer's back end.
 * Fields: {@code type=code id=<hex>}, {@code type=subject [issuer=<iss>] subject=<s> before=<epoch s>} (no issuer:
 * every issuer's subject), or
 * {@code type=invalidate [issuer=<iss>] subjects=<s1>\n<s2>...} (no issuer: the subjects under every issuer).
 * Anything else is {@link Unusable} and skipped.
 */
sealed interface ChangeEvent {

    /** Separates subjects in an invalidation entry: subjects never hold control characters. */
    String SUBJECT_SEPARATOR = "\n";

    /** One code revoked by its id. */
    record CodeRevoked(String idHex) implements ChangeEvent {
    }

    /** A subject's codes issued before an instant revoked, under one issuer or every issuer. */
    record SubjectRevoked(SubjectKey key, long issuedBefore) implements ChangeEvent {
    }

    /** Cached colours of these subjects (all under one issuer, or all under every issuer) must be dropped. */
    record Invalidation(List<SubjectKey> keys) implements ChangeEvent {
    }

    /** An entry this gateway cannot use: unknown type (a newer writer) or malformed. */
    record Unusable(String why) implements ChangeEvent {
    }

    /** Reads an entry's fields. */
    static ChangeEvent of(Map<String, String> fields) {
        String type = fields.get("type");
        if (type == null) {
            return new Unusable("no type");
        }
        return switch (type) {
            case "code" -> {
                String id = fields.get("id");
                yield id != null && Fingerprints.ofCodeIdHex(id) != 0 ? new CodeRevoked(id)
                        : new Unusable("code entry without a valid id");
            }
            case "subject" -> subject(fields.get("issuer"), fields.get("subject"), fields.get("before"));
            case "invalidate" -> invalidation(fields.get("issuer"), fields.get("subjects"));
            default -> new Unusable("unknown type");
        };
    }

    private static ChangeEvent subject(String issuer, String subject, String before) {
        if (!SubjectKey.validSubject(subject) || before == null) {
            return new Unusable("subject entry without a valid subject and before");
        }
        if (issuer != null && !SubjectKey.validIssuer(issuer)) {
            return new Unusable("subject entry with an invalid issuer");
        }
        try {
            long instant = Long.parseLong(before.trim());
            return instant < 0 ? new Unusable("negative before")
                    : new SubjectRevoked(SubjectKey.of(issuer, subject), instant);
        } catch (NumberFormatException e) {
            return new Unusable("before is not an integer");
        }
    }

    /**
     * Reads an invalidation. An issuer this gateway cannot read widens it to every issuer: dropping more cached
     * colours only costs lookups, dropping fewer could keep a stale colour deciding.
     */
    private static ChangeEvent invalidation(String issuer, String joined) {
        if (joined == null || joined.isEmpty()) {
            return new Unusable("invalidate entry without subjects");
        }
        String scope = SubjectKey.validIssuer(issuer) ? issuer : null;
        List<SubjectKey> keys = new ArrayList<>();
        for (String s : joined.split(SUBJECT_SEPARATOR)) {
            if (SubjectKey.validSubject(s)) {
                keys.add(SubjectKey.of(scope, s));
            }
        }
        return keys.isEmpty() ? new Unusable("invalidate entry without valid subjects")
                : new Invalidation(List.copyOf(keys));
    }
}
