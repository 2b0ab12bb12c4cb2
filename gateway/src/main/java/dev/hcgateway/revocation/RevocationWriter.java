package dev.hcgateway.revocation;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Writes changes to Redis: each revocation updates its set or hash AND appends to the change stream in one
 * Lua script (atomic: a gateway never sees one without the other), creating the marker if it is missing.
 * Completes with the stream entry id once Redis has executed it.
 */
final class RevocationWriter {

    // KEYS: codes, changes, marker. ARGV: id hex, stream max length, generation for a missing marker.
    static final String REVOKE_CODE = """
            redis.call('SET', KEYS[3], ARGV[3], 'NX')
            redis.call('SADD', KEYS[1], ARGV[1])
            return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'type', 'code', 'id', ARGV[1])
            """;

    // KEYS: subjects, changes, marker. ARGV: subject, before, stream max length, generation.
    // Keeps the later instant: a revocation never narrows.
    static final String REVOKE_SUBJECT = """
            redis.call('SET', KEYS[3], ARGV[4], 'NX')
            local before = ARGV[2]
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if current and tonumber(current) and tonumber(current) > tonumber(before) then before = current end
            redis.call('HSET', KEYS[1], ARGV[1], before)
            return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*',
                'type', 'subject', 'subject', ARGV[1], 'before', before)
            """;

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;
    private final String maxLength;
    private final Supplier<String> generations;

    /**
     * Creates a writer; {@code generations} gives the marker value written when none exists: a fresh one each
     * time, so that data written after a flush is never taken for the generation that was lost.
     */
    RevocationWriter(RedisAsyncCommands<String, String> redis, RedisKeys keys, int streamMaxLength,
                     Supplier<String> generations) {
        this.redis = redis;
        this.keys = keys;
        this.maxLength = Integer.toString(streamMaxLength);
        this.generations = generations;
    }

    /** Revokes a code id given as lower-case hex. */
    CompletionStage<String> revokeCode(String idHex) {
        return redis.<String>eval(REVOKE_CODE, ScriptOutputType.VALUE,
                new String[]{keys.codes(), keys.changes(), keys.marker()}, idHex, maxLength, generations.get());
    }

    /** Revokes a subject's codes issued before {@code issuedBefore} (epoch seconds). */
    CompletionStage<String> revokeSubject(String subject, long issuedBefore) {
        return redis.<String>eval(REVOKE_SUBJECT, ScriptOutputType.VALUE,
                new String[]{keys.subjects(), keys.changes(), keys.marker()},
                subject, Long.toString(issuedBefore), maxLength, generations.get());
    }

    /** Appends a colour invalidation of these subjects (one command: atomic by itself). */
    CompletionStage<String> invalidate(List<String> subjects) {
        return redis.xadd(keys.changes(), new XAddArgs().maxlen(Long.parseLong(maxLength)).approximateTrimming(),
                Map.of("type", "invalidate", "subjects", String.join(ChangeEvent.SUBJECT_SEPARATOR, subjects)));
    }
}
