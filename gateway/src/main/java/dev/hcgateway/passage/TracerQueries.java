package dev.hcgateway.passage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracer's three questions to the store. Every query is bounded by its window (already clipped to
 * retention by the caller), a limit, and the index that serves it: place+time, issuer+subject+time,
 * document+time. Paging is keyset on {@code (at, id)}, so a page costs the same however deep it is.
 */
public final class TracerQueries {

    private static final String COLUMNS = "id, at, gate, place, scene, decision, reason, colour, source, degraded, "
            + "issuer, subject, kind, code_id, document";
    /** Encounters read at most for one companions answer, so one busy itinerary cannot exhaust memory. */
    static final int MAX_ENCOUNTERS = 20_000;
    private static final String COMPANIONS = """
            WITH mine AS (SELECT place, at FROM passages WHERE issuer = $1 AND subject = $2 AND at >= $3 AND at < $4)
            SELECT o.issuer, o.subject, o.document, m.place, m.at, o.at FROM mine m
            JOIN passages o ON o.place = m.place AND o.at BETWEEN m.at - $5 AND m.at + $5
            WHERE o.at >= $6 AND (o.subject IS NOT NULL OR o.document IS NOT NULL)
              AND (o.issuer IS DISTINCT FROM $1 OR o.subject IS DISTINCT FROM $2)
            ORDER BY m.at, o.at LIMIT""" + " " + MAX_ENCOUNTERS;

    private final Pool pool;

    TracerQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Returns passages matching {@code column = value} (and {@code subject} for a person) in
     * {@code [from, to)}, oldest first, after the cursor {@code (afterAt, afterId)}, at most {@code limit}.
     */
    public Future<List<JsonObject>> passages(TracerRequest q) {
        String where = switch (q.by()) {
            case PLACE -> "place = $1";
            case PERSON -> "issuer = $1 AND subject = $6";
            case DOCUMENT -> "document = $1";
        };
        String sql = "SELECT " + COLUMNS + " FROM passages WHERE " + where
                + " AND at >= $2 AND at < $3 AND (at, id) > ($4, $5) ORDER BY at, id LIMIT " + (q.limit() + 1);
        Tuple args = Tuple.of(q.key(), q.from(), q.to(), q.afterAt(), q.afterId());
        if (q.by() == TracerRequest.By.PERSON) {
            args.addString(q.subject());
        }
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<JsonObject> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(json(row));
            }
            return out;
        });
    }

    /** Returns the companions of one person: every other person at one of their places within ±window. */
    public Future<List<JsonObject>> companions(TracerRequest q, long withinMillis, long floorMillis) {
        Tuple args = Tuple.of(q.key(), q.subject(), q.from(), q.to(), withinMillis, floorMillis);
        return pool.preparedQuery(COMPANIONS).execute(args).map(rows -> {
            Map<String, JsonObject> byPerson = new LinkedHashMap<>();
            for (Row row : rows) {
                String subject = row.getString(1);
                String id = subject != null ? "s:" + row.getString(0) + "\u0000" + subject : "d:" + row.getString(2);
                JsonObject companion = byPerson.computeIfAbsent(id, k -> {
                    JsonObject c = new JsonObject().put("issuer", row.getString(0));
                    return subject != null ? c.put("subject", subject) : c.put("document", row.getString(2));
                });
                JsonArray encounters = companion.getJsonArray("encounters", new JsonArray());
                companion.put("encounters", encounters.add(new JsonObject().put("place", row.getString(3))
                        .put("at", iso(row.getLong(4))).put("companionAt", iso(row.getLong(5)))));
                companion.put("count", encounters.size());
            }
            return byPerson.values().stream()
                    .sorted((a, b) -> Integer.compare(b.getInteger("count"), a.getInteger("count")))
                    .limit(q.limit()).toList();
        });
    }

    private static JsonObject json(Row r) {
        JsonObject p = new JsonObject().put("id", r.getUUID(0).toString()).put("at", iso(r.getLong(1)))
                .put("gate", r.getString(2)).put("place", r.getString(3)).put("scene", r.getString(4))
                .put("decision", r.getString(5)).put("reason", r.getString(6));
        putIf(p, "colour", r.getString(7));
        putIf(p, "source", r.getString(8));
        p.put("degraded", r.getBoolean(9));
        putIf(p, "issuer", r.getString(10));
        putIf(p, "subject", r.getString(11));
        putIf(p, "kind", r.getString(12));
        putIf(p, "codeId", r.getString(13));
        putIf(p, "document", r.getString(14));
        return p;
    }

    private static void putIf(JsonObject json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
