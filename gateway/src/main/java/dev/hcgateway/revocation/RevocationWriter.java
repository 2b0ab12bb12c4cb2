package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes changes to Redis: each one updates its set or hash, raises the change counter AND appends to the
 * change stream (with the counter as {@code n}) in one Lua script: atomic, so a gateway never sees one without
 * the others. Every script refuses to run while the marker is missing: writing to a flushed Redis would make
 * its loss look like a fresh start to every gateway started afterwards; only an operator re-creates the marker
 * (docs/revocation.md). Completes once Redis has executed it and, with {@code redis.replicaAcks} set, once that
 * many replicas have it ({@code WAIT}). Applying a change twice gives the same state (retries are safe).
 */
final class RevocationWriter {

    /** The error prefix of a script refused for a missing marker. */
    static final String NO_MARKER = "HCNOMARKER";

    private static final String GUARD = """
            if redis.call('EXISTS', KEYS[3]) == 0 then
              return redis.error_reply('HCNOMARKER revocation store not initialised: marker key missing')
            end
            """;

    // KEYS: codes, changes, marker, counter. ARGV: id hex, stream max length.
    static final String REVOKE_CODE = GUARD + """
            redis.call('SADD', KEYS[1], ARGV[1])
            local n = redis.call('INCR', KEYS[4])
            return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'type', 'code', 'id', ARGV[1],
                'n', tostring(n))
            """;

    // KEYS: subjects, changes, marker, counter. ARGV: field (issuer:subject), before, stream max length, subject,
    // issuer ("" for every issuer: the entry then names none). Keeps the later instant: a revocation never narrows.
    static final String REVOKE_SUBJECT = GUARD + """
            local before = ARGV[2]
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if current and tonumber(current) and tonumber(current) > tonumber(before) then before = current end
            redis.call('HSET', KEYS[1], ARGV[1], before)
            local n = redis.call('INCR', KEYS[4])
            if ARGV[5] == '' then
              return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*',
                  'type', 'subject', 'subject', ARGV[4], 'before', before, 'n', tostring(n))
            end
            return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*',
                'type', 'subject', 'issuer', ARGV[5], 'subject', ARGV[4], 'before', before, 'n', tostring(n))
            """;

    // KEYS: (unused), changes, marker, counter. ARGV: subjects joined by \\n, stream max length, issuer ("" for
    // every issuer: the entry then names none, and reads as before to a gateway that knows no issuers).
    static final String INVALIDATE = GUARD + """
            local n = redis.call('INCR', KEYS[4])
            if ARGV[3] == '' then
              return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'type', 'invalidate',
                  'subjects', ARGV[1], 'n', tostring(n))
            end
            return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'type', 'invalidate',
                'issuer', ARGV[3], 'subjects', ARGV[1], 'n', tostring(n))
            """;

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;
    private final String maxLength;
    private final int replicaAcks;
    private final long replicaWaitMs;

    /** Creates a writer; {@code replicaAcks} replicas must confirm each write within {@code replicaWaitMs}. */
    RevocationWriter(RedisAsyncCommands<String, String> redis, RedisKeys keys, int streamMaxLength, int replicaAcks,
                     long replicaWaitMs) {
        this.redis = redis;
        this.keys = keys;
        this.maxLength = Integer.toString(streamMaxLength);
        this.replicaAcks = replicaAcks;
        this.replicaWaitMs = replicaWaitMs;
    }

    /** Revokes a code id given as lower-case hex. */
    CompletionStage<String> revokeCode(String idHex) {
        return run(REVOKE_CODE, keys.codes(), idHex, maxLength);
    }

    /** Revokes a subject's codes issued before {@code issuedBefore} (epoch seconds). */
    CompletionStage<String> revokeSubject(SubjectKey key, long issuedBefore) {
        return run(REVOKE_SUBJECT, keys.subjects(), subjectArgs(key, issuedBefore, maxLength));
    }

    /** Returns the arguments of {@link #REVOKE_SUBJECT}. */
    static String[] subjectArgs(SubjectKey key, long issuedBefore, String maxLength) {
        String issuer = key.issuerOrNull();
        return new String[]{key.field(), Long.toString(issuedBefore), maxLength, key.subject(),
            issuer == null ? "" : issuer};
    }

    /** Appends a colour invalidation of these subjects under {@code issuer}, or under every issuer when null. */
    CompletionStage<String> invalidate(String issuer, List<String> subjects) {
        return run(INVALIDATE, keys.codes(), String.join(ChangeEvent.SUBJECT_SEPARATOR, subjects), maxLength,
                issuer == null ? "" : issuer);
    }

    private CompletionStage<String> run(String script, String table, String... args) {
        CompletionStage<String> written = redis.<String>eval(script, ScriptOutputType.VALUE,
                new String[]{table, keys.changes(), keys.marker(), keys.counter()}, args);
        CompletionStage<String> replicated = replicaAcks <= 0 ? written : written.thenCompose(id ->
                redis.waitForReplication(replicaAcks, replicaWaitMs).thenCompose(acks -> acks != null
                        && acks >= replicaAcks ? CompletableFuture.completedFuture(id)
                        : CompletableFuture.failedFuture(new WriteFailed(new WriteFault.OutcomeUnknown(
                        "stored on the primary, but " + acks + " of " + replicaAcks + " replicas confirmed it within "
                                + replicaWaitMs + " ms")))));
        return replicated.handle((id, err) -> err == null ? CompletableFuture.completedFuture(id)
                : CompletableFuture.<String>failedFuture(WriteFailed.classify(err))).thenCompose(f -> f);
    }
}
