package dev.hcgateway.tracer;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * {@code GET /tracer/v1/companions}: everyone else at a place where the person (or the document) had a passage in
 * {@code [from, to)}, within ±{@code withinMinutes} of it; at most {@code limit} companions, most encounters first.
 */
record CompanionQuery(Who who, long from, long to, int withinMinutes, int limit, String caseId) implements Query {

    /** Reads the query: case first, then the person or document, window, {@code withinMinutes} and limit. */
    static CompanionQuery parse(Params p, int retentionDays) {
        String caseId = p.caseId();
        Who who = Who.of(p, false);
        long[] window = p.window(retentionDays);
        String within = p.text("withinMinutes");
        int minutes;
        try {
            minutes = within == null ? 30 : Integer.parseInt(within);
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        if (minutes < 0 || minutes > 1440) {
            throw Params.bad("invalid_parameter", "\"withinMinutes\" must be 0..1440.");
        }
        return new CompanionQuery(who, window[0], window[1], minutes, p.limit(), caseId);
    }

    @Override
    public String kind() {
        return "companions_of_" + who.wire();
    }

    @Override
    public JsonObject parameters() {
        return who.into(new JsonObject()).put("from", Instant.ofEpochMilli(from).toString())
                .put("to", Instant.ofEpochMilli(to).toString()).put("withinMinutes", withinMinutes).put("limit", limit);
    }
}
