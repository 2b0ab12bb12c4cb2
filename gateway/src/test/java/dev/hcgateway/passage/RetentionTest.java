package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.PgDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention drops whole daily partitions past {@code retentionDays}, and the floor readers clip to leaves out older
 * passages of a day still kept (the tracer's queries use it: TracerApiTest).
 */
class RetentionTest {

    private static final long DAY = PassageSchema.DAY;
    /** Noon UTC of a day, so that day boundaries fall between the passages below. */
    private static final long NOW = 20_400 * DAY + DAY / 2;

    private final Vertx vertx = Vertx.vertx();
    private PgDatabase db;
    private Pool pool;
    private PassageSchema schema;

    @BeforeEach
    void start() throws Exception {
        db = new PgDatabase();
        pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(db.url())).using(vertx).build();
        schema = new PassageSchema(pool, 21);
        schema.migrate(NOW).await(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        pool.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        db.close();
    }

    private long partitions() {
        return db.count("SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + " WHERE p.relname = 'passages'");
    }

    /** Returns the subjects readers of passages may see at {@code now}: at or after the retention floor. */
    private List<Object> readable(long now) throws Exception {
        return db.query("SELECT subject FROM passages WHERE at >= $1 ORDER BY at", schema.floor(now)).stream()
                .map(r -> (Object) r.getString(0)).toList();
    }

    @Test
    void oldPartitionsDropped_andOlderPassagesNeverReturned() throws Exception {
        assertThat(partitions()).isEqualTo(21 + 1 + 2); // the retention window, today, two days ahead
        PassageWriter writer = new PassageWriter(pool, schema);
        writer.write(List.of(JournalTest.passage(NOW - 4 * 3_600_000, "recent"),
                JournalTest.passage(NOW - 21 * DAY + 3_600_000, "just-kept"),
                JournalTest.passage(NOW - 21 * DAY - 3_600_000, "past-retention"),
                JournalTest.passage(NOW - 30 * DAY, "long-gone"))).await(30, TimeUnit.SECONDS);
        assertThat(db.count("SELECT count(*) FROM passages")).isEqualTo(4);

        schema.maintain(NOW).await(30, TimeUnit.SECONDS);
        // The 30-day-old partition is gone whole; the day of "past-retention" still ends after the floor.
        assertThat(db.count("SELECT count(*) FROM passages")).isEqualTo(3);
        assertThat(readable(NOW)).containsExactly("just-kept", "recent");

        long later = NOW + 2 * DAY;
        schema.maintain(later).await(30, TimeUnit.SECONDS);
        assertThat(db.count("SELECT count(*) FROM passages")).isEqualTo(1);
        assertThat(readable(later)).containsExactly("recent");
        assertThat(db.count("SELECT count(*) FROM pg_class WHERE relname = '" + PassageSchema.name(
                Math.floorDiv(NOW - 21 * DAY, DAY)) + "'")).isZero();
    }

    @Test
    void reSentBatch_isStoredOnce() throws Exception {
        PassageWriter writer = new PassageWriter(pool, schema);
        List<Passage> batch = List.of(JournalTest.passage(NOW, "x"), JournalTest.passage(NOW + 1, "y"));
        writer.write(batch).await(30, TimeUnit.SECONDS);
        writer.write(batch).await(30, TimeUnit.SECONDS);
        assertThat(db.count("SELECT count(*) FROM passages")).isEqualTo(2);
    }
}
