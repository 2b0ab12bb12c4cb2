package dev.hcgateway.passage;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Brings one component's tables to their newest version: numbered steps (statement lists), each run once, in order,
 * in one transaction with the version it reaches (table {@code hc_schema}), under a transaction-scoped advisory lock,
 * so that gateways starting together run every step exactly once and a failed step leaves nothing half done. A start
 * that finds the newest version reads one row and changes nothing: no lock is taken on the tables themselves.
 * Adding a column is one more step, e.g. {@code ALTER TABLE passages ADD COLUMN offline boolean NOT NULL DEFAULT
 * false} (a constant default: no rewrite of the table, PostgreSQL 11 and later).
 */
public final class SchemaSteps {

    private static final String VERSIONS = "CREATE TABLE IF NOT EXISTS hc_schema (component text PRIMARY KEY, "
            + "version integer NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())";
    private static final String SAVE = "INSERT INTO hc_schema (component, version) VALUES ($1, $2) "
            + "ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()";

    private final String component;
    private final List<List<String>> steps;

    /** Creates the steps of a component; step {@code i} (from 0) brings it to version {@code i + 1}. */
    public SchemaSteps(String component, List<List<String>> steps) {
        this.component = component;
        this.steps = List.copyOf(steps);
    }

    /** Runs the steps the store has not seen; completes with the version reached. */
    public Future<Integer> migrate(Pool pool) {
        return pool.preparedQuery("SELECT version FROM hc_schema WHERE component = $1").execute(Tuple.of(component))
                .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0))
                .otherwise(0) // no hc_schema yet
                .compose(seen -> seen >= steps.size() ? Future.succeededFuture(seen)
                        : pool.withTransaction(this::underLock));
    }

    private Future<Integer> underLock(SqlConnection c) {
        // Notices ("already exists, skipping") of the idempotent first steps are not worth a log line each start.
        return c.query("SET LOCAL client_min_messages = warning").execute()
                .compose(r -> c.query("SELECT pg_advisory_xact_lock(hashtext('hc_schema'))").execute())
                .compose(r -> c.query(VERSIONS).execute())
                .compose(r -> c.preparedQuery("SELECT version FROM hc_schema WHERE component = $1")
                        .execute(Tuple.of(component)))
                .compose(rows -> {
                    int seen = rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
                    Future<Void> done = Future.succeededFuture();
                    for (int i = seen; i < steps.size(); i++) {
                        for (String sql : steps.get(i)) {
                            done = done.compose(v -> c.query(sql).execute().mapEmpty());
                        }
                    }
                    int reached = Math.max(seen, steps.size());
                    return done.compose(v -> c.preparedQuery(SAVE).execute(Tuple.of(component, reached)))
                            .map(r -> reached);
                });
    }
}
