package dev.hcgateway.tracer;

import dev.hcgateway.passage.SchemaSteps;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.List;

/**
 * The tracer audit in PostgreSQL ({@code tracer_audit}): one row per query (time, officer, case, kind, parameters,
 * rows answered), written before the answer is sent; a query whose row cannot be written is not answered. Rows are
 * never updated or deleted by the gateway, and not dropped with passages: how long they are kept is the
 * authority's decision (docs/passages.md, "Audit").
 */
final class AuditTrail {

    /** The versions of the audit table, oldest first. */
    static final SchemaSteps STEPS = new SchemaSteps("tracer_audit", List.of(List.of("""
            CREATE TABLE IF NOT EXISTS tracer_audit (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at bigint NOT NULL, officer text NOT NULL,
              officer_name text NOT NULL, case_id text, kind text NOT NULL, parameters jsonb NOT NULL,
              row_count integer NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS tracer_audit_at ON tracer_audit (at, id)",
            "CREATE INDEX IF NOT EXISTS tracer_audit_officer_at ON tracer_audit (officer, at, id)",
            "CREATE INDEX IF NOT EXISTS tracer_audit_case_at ON tracer_audit (case_id, at, id)")));
    private static final String INSERT = "INSERT INTO tracer_audit (at, officer, officer_name, case_id, kind, "
            + "parameters, row_count) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    private static final String SELECT = "SELECT id, at, officer, officer_name, case_id, kind, parameters, row_count "
            + "FROM tracer_audit WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR officer = $3) "
            + "AND ($4::text IS NULL OR case_id = $4) AND (at, id) > ($5, $6) ORDER BY at, id LIMIT ";

    private final Pool pool;
    private final Clock clock;
    private volatile boolean migrated;

    AuditTrail(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Writes the row of one query; completes once the store holds it. */
    Future<Void> write(Officer officer, Query query, int rows) {
        return ready().compose(v -> pool.preparedQuery(INSERT).execute(Tuple.of(clock.millis(), officer.id(),
                officer.name(), query.caseId(), query.kind(), query.parameters(), rows))).mapEmpty();
    }

    /** Makes the table once per gateway (a store down at start only delays it); later calls cost nothing. */
    private Future<Void> ready() {
        return migrated ? Future.succeededFuture() : STEPS.migrate(pool).onSuccess(v -> migrated = true).mapEmpty();
    }

    /** Returns one page of audit rows and the cursor of the next ({@code null} on the last page). */
    Future<Answer> read(AuditQuery q) {
        Tuple args = Tuple.of(q.from(), q.to(), q.officer(), q.caseId(), q.afterAt(), q.afterId());
        return ready().compose(v -> pool.preparedQuery(SELECT + (q.limit() + 1)).execute(args)).map(rows -> {
            JsonArray page = new JsonArray();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (page.size() == q.limit()) {
                    next = Params.cursor(last.getLong(1), last.getLong(0));
                    break;
                }
                page.add(new JsonObject().put("id", row.getLong(0)).put("at", PassageReads.iso(row.getLong(1)))
                        .put("officer", row.getString(2)).put("officerName", row.getString(3))
                        .put("case", row.getString(4)).put("kind", row.getString(5))
                        .put("parameters", row.getJsonObject(6)).put("rows", row.getInteger(7)));
                last = row;
            }
            return new Answer(new JsonObject().put("audit", page).put("next", next), page.size());
        });
    }
}
