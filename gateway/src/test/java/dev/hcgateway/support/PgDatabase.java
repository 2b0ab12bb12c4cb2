package dev.hcgateway.support;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A database of its own on the shared PostgreSQL 15 (127.0.0.1:5432, trust auth) for one test class:
 * created on construction, dropped by {@link #close}. Queries run from the test thread and wait.
 */
public final class PgDatabase implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;

    private final Vertx vertx = Vertx.vertx();
    private final String name = "hc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
    private final Pool admin = pool("postgres");
    private final Pool pool;

    public PgDatabase() {
        run(admin, "CREATE DATABASE " + name);
        pool = pool(name);
    }

    private Pool pool(String database) {
        return PgBuilder.pool().connectingTo(new PgConnectOptions().setHost(HOST).setPort(PORT).setUser("postgres")
                .setDatabase(database)).using(vertx).build();
    }

    /** Returns the database's URL through {@code port} (the server's, or a proxy's). */
    public String url(int port) {
        return "postgresql://postgres@" + HOST + ":" + port + "/" + name;
    }

    /** Returns the database's URL. */
    public String url() {
        return url(PORT);
    }

    /** Runs a statement and returns its rows. */
    public List<Row> query(String sql, Object... args) {
        return run(pool, sql, args);
    }

    /** Returns the number the statement's first column of its first row holds. */
    public long count(String sql, Object... args) {
        List<Row> rows = query(sql, args);
        return rows.isEmpty() ? 0 : rows.get(0).getLong(0);
    }

    /** Returns the rows of a table, 0 while the table does not exist yet (the gateway creates it at start). */
    public long rows(String table) {
        if (query("SELECT to_regclass($1)::text", table).get(0).getString(0) == null) {
            return 0;
        }
        return count("SELECT count(*) FROM " + table);
    }

    private static List<Row> run(Pool pool, String sql, Object... args) {
        try {
            RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.wrap(args)).await(30, TimeUnit.SECONDS);
            List<Row> out = new ArrayList<>();
            rows.forEach(out::add);
            return out;
        } catch (Exception e) {
            throw new AssertionError("query failed: " + sql + ": " + e, e);
        }
    }

    @Override
    public void close() throws Exception {
        pool.close().await(10, TimeUnit.SECONDS);
        run(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
