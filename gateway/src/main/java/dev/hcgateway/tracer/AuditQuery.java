package dev.hcgateway.tracer;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * {@code GET /tracer/v1/audit}: the audit rows of {@code [from, to)} (at most {@value #MAX_DAYS} days), optionally of
 * one officer and of one case, oldest first, one page after the keyset cursor {@code (afterAt, afterId)}.
 */
record AuditQuery(long from, long to, String officer, String caseId, long afterAt, long afterId, int limit,
                  String cursor) implements Query {

    static final int MAX_DAYS = 366;

    /** Reads the window, the optional officer and case filters, limit and cursor. */
    static AuditQuery parse(Params p) {
        long[] window = p.window(MAX_DAYS);
        String officer = p.text("officer");
        String caseId = p.text("case") == null ? null : p.caseId();
        int limit = p.limit();
        String[] cursor = p.cursor();
        long afterAt = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        if (cursor != null) {
            try {
                afterAt = Long.parseLong(cursor[0]);
                afterId = Long.parseLong(cursor[1]);
            } catch (NumberFormatException e) {
                throw Params.bad("invalid_cursor", "\"cursor\" must be a \"next\" value of an earlier answer.");
            }
        }
        return new AuditQuery(window[0], window[1], officer, caseId, afterAt, afterId, limit,
                cursor == null ? null : Params.cursor(afterAt, afterId));
    }

    @Override
    public String kind() {
        return "audit";
    }

    @Override
    public JsonObject parameters() {
        JsonObject p = new JsonObject().put("from", Instant.ofEpochMilli(from).toString())
                .put("to", Instant.ofEpochMilli(to).toString()).put("limit", limit);
        if (officer != null) {
            p.put("officer", officer);
        }
        return cursor == null ? p : p.put("cursor", cursor);
    }
}
