package dev.hcgateway.tracer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds companions for {@link CompanionQuery}: the person's (or document's) passages in the window, then everyone
 * else's passages at the same place within ±{@code withinMinutes} (the covering place+time index serves the join).
 *
 * <p>An encounter is one passage of the companion, paired with the case's passage nearest to it in time: a companion
 * seen once while the case passed the same station twice is one encounter, not two (the join yields one row per pair,
 * which listed the same companion passage twice). Two passages of the companion at the same place and instant (one
 * code in a batch twice) are one encounter too. At most {@value #MAX_ENCOUNTERS} encounters are read per query.
 */
final class CompanionReads {

    static final int MAX_ENCOUNTERS = 20_000;
    private static final String MINE_BY_PERSON = "issuer = $1 AND subject = $2";
    /** $2, the subject, is null for a document: both statements take the same parameters. */
    private static final String MINE_BY_DOCUMENT = "document = $1 AND $2::text IS NULL";
    private static final String SQL = """
            WITH mine AS (SELECT place, at FROM passages WHERE %s AND at >= $3 AND at < $4)
            SELECT DISTINCT ON (o.at, o.id) o.issuer, o.subject, o.document, o.place, m.at, o.at FROM mine m
            JOIN passages o ON o.place = m.place AND o.at BETWEEN m.at - $5 AND m.at + $5
            WHERE o.at >= $6 AND (o.subject IS NOT NULL OR o.document IS NOT NULL) AND %s
            ORDER BY o.at, o.id, abs(o.at - m.at), m.at LIMIT""" + " " + MAX_ENCOUNTERS;
    private static final String BY_PERSON = SQL.formatted(MINE_BY_PERSON,
            "(o.issuer IS DISTINCT FROM $1 OR o.subject IS DISTINCT FROM $2)");
    private static final String BY_DOCUMENT = SQL.formatted(MINE_BY_DOCUMENT, "o.document IS DISTINCT FROM $1");

    private final Pool pool;

    CompanionReads(Pool pool) {
        this.pool = pool;
    }

    /** Returns the companions, most encounters first, at most {@code limit} of them. */
    Future<Answer> companions(CompanionQuery q, long floorMillis) {
        long from = Math.max(q.from(), floorMillis);
        Tuple args = Tuple.of(q.who().key(), q.who().subject(), from, Math.max(q.to(), from),
                q.withinMinutes() * 60_000L, floorMillis);
        String sql = q.who().by() == Who.By.PERSON ? BY_PERSON : BY_DOCUMENT;
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            Map<String, JsonObject> byPerson = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (Row row : rows) {
                String subject = row.getString(1);
                String id = subject != null ? "s:" + row.getString(0) + "\u0000" + subject : "d:" + row.getString(2);
                if (!seen.add(id + "\u0000" + row.getString(3) + "\u0000" + row.getLong(5))) {
                    continue; // the same person, place and instant: one encounter
                }
                JsonObject companion = byPerson.computeIfAbsent(id, k -> subject != null
                        ? new JsonObject().put("issuer", row.getString(0)).put("subject", subject)
                        : new JsonObject().put("document", row.getString(2)));
                JsonArray encounters = companion.getJsonArray("encounters", new JsonArray());
                companion.put("encounters", encounters.add(new JsonObject().put("place", row.getString(3))
                        .put("at", PassageReads.iso(row.getLong(4)))
                        .put("companionAt", PassageReads.iso(row.getLong(5)))));
                companion.put("count", encounters.size());
            }
            List<JsonObject> list = byPerson.values().stream()
                    .sorted((a, b) -> Integer.compare(b.getInteger("count"), a.getInteger("count")))
                    .limit(q.limit()).toList();
            return new Answer(new JsonObject().put("companions", new JsonArray(list)), list.size());
        });
    }
}
