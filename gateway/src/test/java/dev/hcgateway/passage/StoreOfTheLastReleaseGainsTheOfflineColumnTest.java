package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.PgDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A store the last release made (schema version 1, passages in it) is brought to version 2 at start: the
 * {@code offline} column is added, its passages read as live ones, and a gateway of the last release that still
 * writes without the column (a rolling upgrade) stores its passages as live too.
 */
class StoreOfTheLastReleaseGainsTheOfflineColumnTest {

    private static final long NOW = 20_400 * PassageSchema.DAY + PassageSchema.DAY / 2;
    /** The last release's table, as its step 1 made it. */
    private static final String VERSION_1 = """
            CREATE TABLE passages (
              id uuid NOT NULL, at bigint NOT NULL, gate text NOT NULL, place text NOT NULL, scene text NOT NULL,
              decision text NOT NULL, reason text NOT NULL, colour text, source text, degraded boolean NOT NULL,
              issuer text, subject text, kind text, code_id text, document text,
              PRIMARY KEY (at, id)
            ) PARTITION BY RANGE (at)""";
    private static final String OLD_INSERT = "INSERT INTO passages (id, at, gate, place, scene, decision, reason,"
            + " degraded) VALUES ($1, $2, 'G1', 'G1', 'metro', 'pass', 'ok', false)";

    @Test
    void versionOneStore_migrated_oldRowsAndOldWritersAreLive_newOfflineRowsOffline() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (PgDatabase db = new PgDatabase()) {
            db.query(VERSION_1);
            db.query("CREATE TABLE hc_schema (component text PRIMARY KEY, version integer NOT NULL,"
                    + " migrated_at timestamptz NOT NULL DEFAULT now())");
            db.query("INSERT INTO hc_schema (component, version) VALUES ('passages', 1)");
            db.query("CREATE TABLE " + PassageSchema.name(20_400) + " PARTITION OF passages FOR VALUES FROM ("
                    + 20_400 * PassageSchema.DAY + ") TO (" + 20_401 * PassageSchema.DAY + ")");
            db.query(OLD_INSERT, UUID.randomUUID(), NOW - 2);

            Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(db.url())).using(vertx).build();
            PassageSchema schema = new PassageSchema(pool, 21);
            schema.migrate(NOW).await(30, TimeUnit.SECONDS);
            assertThat(db.count("SELECT version FROM hc_schema WHERE component = 'passages'")).isEqualTo(2);

            db.query(OLD_INSERT, UUID.randomUUID(), NOW - 1); // a gateway of the last release, mid-upgrade
            new PassageWriter(pool, schema).write(List.of(new OfflinePassage(UUID.randomUUID(), NOW, "metro", "pass",
                    "ok", "green", false, "330100", "s-1", "personal", null, null).at("G2", "G2")))
                    .await(30, TimeUnit.SECONDS);
            assertThat(db.query("SELECT offline FROM passages ORDER BY at").stream().map(r -> r.getBoolean(0)))
                    .containsExactly(false, false, true);
            pool.close().await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
