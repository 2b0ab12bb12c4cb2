package dev.hcgateway.tracer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;

/**
 * Reads passages for {@link PassageQuery}: bounded by the window (clipped to retention), the page size, and the index
 * that serves it (place+time, issuer+subject+time, document+time). Paging is keyset on {@code (at, id)}, so a page
 * costs the same however deep it is.
 */
final class PassageReads {

    private static final String COLUMNS = "id, at, gate, place, scene, decision, reason, colour, source, degraded, "
            + "issuer, subject, kind, code_id, document, offline";

    private final Pool pool;

    PassageReads(Pool pool) {
        this.pool = pool;
    }

    /** Returns one page of passages and the cursor of the next ({@code null} on the last page). */
    Future<Answer> page(PassageQuery q, long floorMillis) {
        String where = switch (q.who().by()) {
            case PLACE -> "place = $1";
            case PERSON -> "issuer = $1 AND subject = $6";
            case DOCUMENT -> "document = $1";
        };
        String sql = "SELECT " + COLUMNS + " FROM passages WHERE " + where
                + " AND at >= $2 AND at < $3 AND (at, id) > ($4, $5) ORDER BY at, id LIMIT " + (q.limit() + 1);
        long from = Math.max(q.from(), floorMillis); // older passages are never returned
        Tuple args = Tuple.of(q.who().key(), from, Math.max(q.to(), from), q.afterAt(), q.afterId());
        if (q.who().by() == Who.By.PERSON) {
            args.addString(q.who().subject());
        }
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            JsonArray page = new JsonArray();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (page.size() == q.limit()) {
                    next = Params.cursor(last.getLong(1), last.getUUID(0)); // a row past the page: there is more
                    break;
                }
                page.add(json(row));
                last = row;
            }
            return new Answer(new JsonObject().put("passages", page).put("next", next), page.size());
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
        if (r.getBoolean(15)) {
            p.put("offline", true); // judged by the gate on its own and handed in later; absent for live passages
        }
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
