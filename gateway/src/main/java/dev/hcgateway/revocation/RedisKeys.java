package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import java.util.Objects;

/**
 * The Redis keys of one revocation store, all under one prefix (default {@code hc:}); docs/revocation.md
 * describes each, so that an issuer's back end can write them directly.
 *
 * @param codes    SET of revoked code ids, lower-case hex of the cti
 * @param subjects HASH {@code <issuer>:<subject>} ({@code *} for every issuer) -> epoch seconds; that subject's
 *                 codes issued before it are revoked ({@link SubjectKey})
 * @param legacySubjects HASH subject -> epoch seconds of writers before subjects were scoped by issuer: read as
 *                 every issuer's, moved into {@code subjects} by {@code store migrate}
 * @param marker   STRING generation id, present for as long as the data is: its loss means a flushed Redis
 * @param changes  STREAM of changes ({@code type} = code, subject or invalidate) every gateway follows
 * @param counter  STRING integer, incremented by every write and stored in its stream entry ({@code n}): it only
 *                 rises, so a lower value than a gateway has seen means Redis went back to an older copy
 * @param lost     STRING, present once a gateway found the data rolled back or flushed: every gateway (also one
 *                 started later) reports the store lost until an operator clears it
 */
record RedisKeys(String codes, String subjects, String legacySubjects, String marker, String changes, String counter,
                 String lost) {

    RedisKeys {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(subjects, "subjects");
        Objects.requireNonNull(legacySubjects, "legacySubjects");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(lost, "lost");
    }

    /** Returns the keys under a prefix. */
    static RedisKeys under(String prefix) {
        return new RedisKeys(prefix + "revocations:codes", prefix + "revocations:issuer-subjects",
                prefix + "revocations:subjects",
                prefix + "revocations:epoch", prefix + "changes", prefix + "revocations:counter",
                prefix + "revocations:lost");
    }
}
