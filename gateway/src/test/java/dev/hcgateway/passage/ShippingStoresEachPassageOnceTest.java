package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.PassagesConfig;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.PgDatabase;
import dev.hcgateway.support.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary COPY path keeps every passage once: a batch already stored (re-sent after a failure or a restart) falls
 * back to {@code ON CONFLICT DO NOTHING}, and with two batches in flight the cursor never passes a batch the store
 * does not hold, so a failed first batch is sent again while the second, stored meanwhile, is not duplicated.
 */
class ShippingStoresEachPassageOnceTest {

    private static final long NOW = TestData.VECTORS_NOW * 1000;

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final MutableClock clock = new MutableClock(TestData.VECTORS_NOW);
    private PgDatabase db;
    private PassagesConfig config;
    private Pool pool;
    private PassageSchema schema;
    private CopyConnections connections;

    @BeforeEach
    void start() {
        db = new PgDatabase();
        config = new ConfigLoader().defaultsWith(Map.of("passages.url", db.url(), "passages.journal", dir.toString()))
                .passages();
        pool = PassageStore.pool(vertx, config);
        schema = new PassageSchema(pool, config.retentionDays());
        Gateways.await(schema.migrate(NOW));
        connections = new CopyConnections(config, 2);
    }

    @AfterEach
    void stop() throws Exception {
        connections.close();
        pool.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        db.close();
    }

    private CopyWriter copy() {
        return new CopyWriter(vertx, connections, schema, new PassageWriter(pool, schema));
    }

    private static List<Passage> passages(long from, int n) {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(JournalTest.passage(from + i * 1000L, "s-" + i));
        }
        return out;
    }

    @Test
    void storedBatchSentAgain_orOverlapping_isKeptOnce_acrossDays() {
        // Across midnight: the batch goes to two day partitions in one transaction.
        long midnight = Math.floorDiv(NOW, PassageSchema.DAY) * PassageSchema.DAY + PassageSchema.DAY;
        List<Passage> batch = passages(midnight - 10_000, 20);
        Gateways.await(copy().write(batch));
        assertThat(db.count("SELECT count(*) FROM " + PassageSchema.name(Math.floorDiv(midnight, PassageSchema.DAY))))
                .isEqualTo(10);
        Gateways.await(copy().write(batch)); // a unique_violation for COPY, so ON CONFLICT DO NOTHING
        List<Passage> overlapping = new ArrayList<>(batch.subList(10, 20));
        overlapping.addAll(passages(midnight + 60_000, 5));
        Gateways.await(copy().write(overlapping));
        assertThat(db.count("SELECT count(*) FROM passages")).isEqualTo(25);
        assertThat(db.count("SELECT count(DISTINCT id) FROM passages")).isEqualTo(25);
    }

    @Test
    void firstOfTwoInFlightFails_cursorWaitsForIt_everyPassageStoredOnce() throws Exception {
        Journal journal = new Journal(dir, 1 << 30, 1 << 20);
        List<Passage> all = passages(NOW - 600_000, 120);
        all.forEach(journal::append);
        journal.sync();
        CopyWriter copy = copy();
        AtomicInteger calls = new AtomicInteger();
        Promise<Void> secondStored = Promise.promise();
        List<JournalCursor> cursorAtRetry = new CopyOnWriteArrayList<>();
        // Batches of 50: the first fails, but only once the second (in flight beside it) is stored.
        Shipper shipper = new Shipper(vertx, journal, batch -> switch (calls.incrementAndGet()) {
            case 1 -> secondStored.future().compose(v -> Future.failedFuture("store lost the first batch"));
            case 2 -> copy.write(batch).onComplete(ar -> secondStored.tryComplete());
            default -> {
                if (cursorAtRetry.isEmpty()) {
                    cursorAtRetry.add(load(journal));
                }
                yield copy.write(batch);
            }
        }, schema, new PassageMetrics(new SimpleMeterRegistry(), journal, clock), clock, 50, 2, 20);
        vertx.getOrCreateContext().runOnContext(v -> shipper.start());

        Eventually.within(Duration.ofSeconds(30), "all 120 passages stored",
                () -> db.count("SELECT count(*) FROM passages") == 120);
        assertThat(db.count("SELECT count(DISTINCT id) FROM passages")).isEqualTo(120);
        assertThat(cursorAtRetry).containsExactly(JournalCursor.START); // the second's success moved nothing
        JournalCursor end = new JournalReader(journal).read(JournalCursor.START, 1000, 0).next();
        Eventually.within(Duration.ofSeconds(10), "the cursor saved past every batch", () -> load(journal).equals(end));
        Gateways.await(shipper.stop());
        journal.close();
    }

    private static JournalCursor load(Journal journal) {
        try {
            return JournalCursor.load(journal.dir());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
