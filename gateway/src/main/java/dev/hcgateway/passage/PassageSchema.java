package dev.hcgateway.passage;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and maintains the store's schema: the {@code passages} table partitioned by UTC day on {@code at}
 * (epoch milliseconds), its three query indexes (place+time also covering who was there), daily partitions
 * ahead of time, and retention by dropping whole partitions. Every statement is idempotent, so any number of
 * gateways may run it at once.
 */
final class PassageSchema {

    static final long DAY = 86_400_000L;
    /**
     * The versions of the table and its indexes, oldest first (docs/passages.md, "Schema and retention"). The first
     * step is idempotent, so stores made before versions were kept adopt it unchanged.
     */
    static final SchemaSteps STEPS = new SchemaSteps("passages", List.of(List.of("""
            CREATE TABLE IF NOT EXISTS passages (
              id uuid NOT NULL, at bigint NOT NULL, gate text NOT NULL, place text NOT NULL, scene text NOT NULL,
              decision text NOT NULL, reason text NOT NULL, colour text, source text, degraded boolean NOT NULL,
              issuer text, subject text, kind text, code_id text, document text,
              PRIMARY KEY (at, id)
            ) PARTITION BY RANGE (at)""",
            // Covering: the companions join reads who was there from the index alone (an index-only scan),
            // not one heap page per passage of a busy station's rush hour (docs/performance.md, "Passages").
            "CREATE INDEX IF NOT EXISTS passages_place_at_cover ON passages (place, at) "
                    + "INCLUDE (issuer, subject, document)",
            "DROP INDEX IF EXISTS passages_place_at",
            "CREATE INDEX IF NOT EXISTS passages_person_at ON passages (issuer, subject, at)",
            "CREATE INDEX IF NOT EXISTS passages_document_at ON passages (document, at) WHERE document IS NOT NULL"),
            // Version 2: passages judged by a gate on its own and handed in later (POST /v1/passages/offline). A
            // constant default: no rewrite of the table (PostgreSQL 11 and later); partitions inherit the column.
            List.of("ALTER TABLE passages ADD COLUMN IF NOT EXISTS offline boolean NOT NULL DEFAULT false")));
    /** Partitions created past today, so that inserts never wait for one. */
    private static final int AHEAD_DAYS = 2;

    private final Pool pool;
    private final int retentionDays;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();
    private volatile boolean migrated;

    PassageSchema(Pool pool, int retentionDays) {
        this.pool = pool;
        this.retentionDays = retentionDays;
    }

    /** Migrates once: later calls succeed at once; a failed migration is tried again by the next call. */
    Future<Void> ready(long nowMillis) {
        return migrated ? Future.succeededFuture() : migrate(nowMillis).onSuccess(v -> migrated = true);
    }

    /** Brings the table and indexes to their newest version, then makes the partitions of the window and ahead. */
    Future<Void> migrate(long nowMillis) {
        return STEPS.migrate(pool).compose(v -> maintain(nowMillis));
    }

    /** Creates the partitions from the retention floor to {@value #AHEAD_DAYS} days ahead, and drops older ones. */
    Future<Void> maintain(long nowMillis) {
        long today = Math.floorDiv(nowMillis, DAY);
        List<Long> days = new ArrayList<>();
        for (long day = today - retentionDays; day <= today + AHEAD_DAYS; day++) {
            days.add(day);
        }
        return ensure(days).compose(v -> dropBefore(floor(nowMillis)));
    }

    /** Returns how many days passages are kept. */
    int retentionDays() {
        return retentionDays;
    }

    /** Returns the oldest instant retention keeps: anything before is never stored nor returned. */
    long floor(long nowMillis) {
        return nowMillis - retentionDays * DAY;
    }

    /** Creates the daily partitions of these days (epoch days) that this gateway has not seen yet. */
    Future<Void> ensure(List<Long> epochDays) {
        Future<Void> done = Future.succeededFuture();
        for (long day : epochDays) {
            if (known.contains(day)) {
                continue;
            }
            String sql = "CREATE TABLE IF NOT EXISTS " + name(day) + " PARTITION OF passages FOR VALUES FROM ("
                    + day * DAY + ") TO (" + (day + 1) * DAY + ")";
            done = done.compose(v -> pool.query(sql).execute()).map(r -> {
                known.add(day);
                return null;
            });
        }
        return done;
    }

    /** Drops every partition whose whole day ends at or before {@code floorMillis}. */
    Future<Void> dropBefore(long floorMillis) {
        return pool.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'passages'").execute().compose(rows -> {
                    Future<Void> done = Future.succeededFuture();
                    for (Row row : rows) {
                        String name = row.getString(0);
                        long day = dayOf(name);
                        if (day >= 0 && (day + 1) * DAY <= floorMillis) {
                            done = done.compose(v -> pool.query("DROP TABLE IF EXISTS " + name).execute()
                                    .map(r -> {
                                        known.remove(day);
                                        return null;
                                    }));
                        }
                    }
                    return done;
                });
    }

    /** Returns the partition name of an epoch day, e.g. {@code passages_20260301}. */
    static String name(long epochDay) {
        return "passages_" + LocalDate.ofEpochDay(epochDay).toString().replace("-", "");
    }

    private static long dayOf(String name) {
        if (!name.matches("passages_\\d{8}")) {
            return -1;
        }
        String d = name.substring(9);
        return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                Integer.parseInt(d.substring(6))).toEpochDay();
    }
}
