package dev.hcgateway.revocation;

import java.util.List;
import java.util.Map;

/**
 * What {@code XINFO STREAM} says about the change stream, reduced to what tells whether a follower missed
 * entries: the newest id ever generated, the newest id ever deleted or trimmed (Redis 7+), the oldest id
 * still held. A missing stream is {@link #NONE}.
 *
 * @param maxDeleted null before Redis 7, which does not report it
 * @param first      null when the stream holds no entry
 */
record StreamInfo(StreamId lastGenerated, StreamId maxDeleted, StreamId first, long length) {

    /** A stream that does not exist. */
    static final StreamInfo NONE = new StreamInfo(StreamId.ZERO, StreamId.ZERO, null, 0);

    /** Parses the reply of XINFO STREAM (a flat list of name, value pairs, or a map). */
    static StreamInfo parse(Object reply) {
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
        Object length = fields.get("length");
        return new StreamInfo(StreamId.parse(last.toString()),
                deleted == null ? null : StreamId.parse(deleted.toString()),
                firstId(fields.get("first-entry")),
                length instanceof Number n ? n.longValue() : 0);
    }

    private static StreamId firstId(Object entry) {
        // first-entry is [id, [field, value, ...]], or nil when the stream is empty.
        if (entry instanceof List<?> list && !list.isEmpty() && list.get(0) != null) {
            return StreamId.parse(list.get(0).toString());
        }
        return null;
    }

    /**
     * Tells whether a follower that has applied everything up to {@code lastSeen} cannot simply read on:
     * entries after it were trimmed or deleted, or the stream was recreated behind it (ids went back).
     */
    boolean missedAfter(StreamId lastSeen) {
        if (lastGenerated.compareTo(lastSeen) < 0) {
            return true; // deleted and recreated, or restored from an older copy: our position means nothing
        }
        if (maxDeleted != null) {
            return maxDeleted.after(lastSeen);
        }
        // Before Redis 7: the entry after ours is gone when the oldest one held is newer than ours and ours was
        // not the last before it. Conservative: lastSeen itself trimmed counts as a miss.
        return first != null && first.after(lastSeen) && !lastSeen.equals(StreamId.ZERO);
    }
}
