package dev.hcgateway.tracer;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /tracer/v1/passages}: passages at a place, of a person or of a document in {@code [from, to)}, oldest
 * first, one page after the keyset cursor {@code (afterAt, afterId)}. The window is at most {@code retentionDays}
 * long; the store clips it to retention when it runs.
 */
record PassageQuery(Who who, long from, long to, long afterAt, UUID afterId, int limit, String caseId,
                    String cursor) implements Query {

    /** Reads the query: case first, then who, window, limit and cursor. */
    static PassageQuery parse(Params p, int retentionDays) {
        String caseId = p.caseId();
        Who who = Who.of(p, true);
        long[] window = p.window(retentionDays);
        int limit = p.limit();
        String[] cursor = p.cursor();
        long afterAt = Long.MIN_VALUE;
        UUID afterId = new UUID(0, 0);
        if (cursor != null) {
            try {
                afterAt = Long.parseLong(cursor[0]);
                afterId = UUID.fromString(cursor[1]);
            } catch (IllegalArgumentException e) {
                throw Params.bad("invalid_cursor", "\"cursor\" must be a \"next\" value of an earlier answer.");
            }
        }
        return new PassageQuery(who, window[0], window[1], afterAt, afterId, limit, caseId,
                cursor == null ? null : Params.cursor(afterAt, afterId));
    }

    @Override
    public String kind() {
        return "passages_by_" + who.wire();
    }

    @Override
    public JsonObject parameters() {
        JsonObject p = who.into(new JsonObject()).put("from", Instant.ofEpochMilli(from).toString())
                .put("to", Instant.ofEpochMilli(to).toString()).put("limit", limit);
        return cursor == null ? p : p.put("cursor", cursor);
    }
}
