package dev.hcgateway.changes;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What {@code XINFO STREAM} says about the a stream, reduced to what tells whether a follower missed
 * entries: the newest id ever generated, the oldest id still held, how many entries it holds, and (Redis 7+)
 * how many were ever added and the newest id removed by XDEL. A missing stream is {@link #NONE}.
 *
 * @param maxDeleted   newest id removed by XDEL (trimming does not count), null before Redis 7
 * @param first        null when the stream holds no entry
 * @param entriesAdded entries ever added, null before Redis 7
 */
public record StreamInfo(StreamId lastGenerated, StreamId maxDeleted, StreamId first, long length, Long entriesAdded) {

    /** A stream that does not exist. */
    public static final StreamInfo NONE = new StreamInfo(StreamId.ZERO, StreamId.ZERO, null, 0, 0L);

    /** Parses the reply of XINFO STREAM (a flat list of name, value pairs, or a map). */
    public static StreamInfo parse(Object reply) {
        Map<String, Object> fields = new java.util.HashMap<>();
        if (reply instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        } else if (reply instanceof List<?> list) {
            for (int i = 0; i + 1 < list.size(); i += 2) {
                fields.put(String.valueOf(list.get(i)), list.get(i + 1));
            }
        } else {
            throw new IllegalArgumentException("unexpected XINFO STREAM reply");
        }
        Object last = fields.get("last-generated-id");
        if (last == null) {
            throw new IllegalArgumentException("XINFO STREAM reply without last-generated-id");
        }
        Object deleted = fields.get("max-deleted-entry-id");
        return new StreamInfo(StreamId.parse(last.toString()),
                deleted == null ? null : StreamId.parse(deleted.toString()),
                firstId(fields.get("first-entry")),
                fields.get("length") instanceof Number n ? n.longValue() : 0,
                fields.get("entries-added") instanceof Number n ? n.longValue() : null);
    }

    private static StreamId firstId(Object entry) {
        // first-entry is [id, [field, value, ...]], or nil when the stream is empty.
        if (entry instanceof List<?> list && !list.isEmpty() && list.get(0) != null) {
            return StreamId.parse(list.get(0).toString());
        }
        return null;
    }

    /**
     * Tells whether a follower that has applied everything up to {@code lastSeen} cannot simply read on,
     * because entries after it may be gone. Trimming (MAXLEN) removes the oldest entries, so entries after
     * {@code lastSeen} were trimmed only if the oldest entry held is newer than {@code lastSeen} (or none is
     * held although newer ones were added) and some entry was ever removed. Conservative: a doubt reloads.
     */
    public boolean missedAfter(StreamId lastSeen) {
        if (lastGenerated.compareTo(lastSeen) < 0) {
            return true; // deleted and recreated, or restored from an older copy: our position means nothing
        }
        if (maxDeleted != null && maxDeleted.after(lastSeen)) {
            return true; // XDEL removed an entry we had not read
        }
        boolean removedAny = entriesAdded == null || entriesAdded > length;
        if (first == null) {
            return removedAny && lastGenerated.after(lastSeen);
        }
        return removedAny && first.after(lastSeen);
    }

    /** Reads {@code XINFO STREAM key}; a missing stream is {@link #NONE}. */
    public static CompletionStage<StreamInfo> read(RedisAsyncCommands<String, String> redis, String key) {
        return redis.xinfoStream(key).handle((reply, err) -> {
            if (err == null) {
                return CompletableFuture.completedFuture(parse(reply));
            }
            Throwable cause = err instanceof CompletionException ? err.getCause() : err;
            if (cause instanceof RedisCommandExecutionException e && e.getMessage() != null
                    && e.getMessage().contains("no such key")) {
                return CompletableFuture.completedFuture(NONE);
            }
            return CompletableFuture.<StreamInfo>failedFuture(cause);
        }).thenCompose(Function.identity());
    }
}
