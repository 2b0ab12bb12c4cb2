package dev.hcgateway.passage;

import dev.hcgateway.config.PassagesConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL side of passages: a bounded connection pool (size, wait queue, connect and wait timeouts,
 * statement timeout), the schema, and the shipper that feeds the store from the journal (binary COPY on its own
 * connections). Partitions are maintained hourly: created ahead, dropped past retention. Readers of passages (the
 * tracer) use {@link #pool} and {@link #floor}.
 */
public final class PassageStore {

    private static final Logger LOG = LoggerFactory.getLogger(PassageStore.class);
    private static final long MAINTAIN_MS = 3_600_000;

    private final Vertx vertx;
    private final Pool pool;
    private final PassageSchema schema;
    private final CopyConnections copies;
    private final Shipper shipper;
    private final PassageMetrics metrics;
    private final Clock clock;
    private long maintainTimer = -1;

    PassageStore(Vertx vertx, PassagesConfig config, Journal journal, PassageMetrics metrics, Clock clock) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.clock = clock;
        this.pool = pool(vertx, config);
        this.schema = new PassageSchema(pool, config.retentionDays());
        this.copies = journal == null ? null : new CopyConnections(config, config.shipInFlight());
        CopyWriter copy = journal == null ? null
                : new CopyWriter(vertx, copies, schema, new PassageWriter(pool, schema));
        this.shipper = journal == null ? null : new Shipper(vertx, journal, copy::write, schema, metrics, clock,
                config.batchSize(), config.shipInFlight(), config.shipIntervalMs());
    }

    /** Returns the connect options of {@code passages.url}, with the statement timeout and application name. */
    static PgConnectOptions connectOptions(PassagesConfig config) {
        return PgConnectOptions.fromUri(config.url().replaceFirst("^postgres://", "postgresql://"))
                .addProperty("statement_timeout", String.valueOf(config.timeoutMs()))
                .addProperty("application_name", "hc-gateway");
    }

    /** Returns a pool bounded in every direction, so that a slow store cannot pile up work in the gateway. */
    public static Pool pool(Vertx vertx, PassagesConfig config) {
        PgConnectOptions connect = connectOptions(config);
        PoolOptions options = new PoolOptions().setMaxSize(config.poolSize())
                .setMaxWaitQueueSize(config.poolWaitQueue())
                .setConnectionTimeout(config.timeoutMs()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout(60).setIdleTimeoutUnit(TimeUnit.SECONDS);
        return PgBuilder.pool().with(options).with(new NetClientOptions().setConnectTimeout(config.timeoutMs()))
                .connectingTo(connect).using(vertx).build();
    }

    /** Creates the schema (a store down at start only delays shipping), then ships and maintains. */
    Future<Void> start() {
        Future<Void> started = shipper == null ? Future.succeededFuture() : shipper.start();
        maintainTimer = vertx.setPeriodic(MAINTAIN_MS, id -> maintain());
        return started;
    }

    private void maintain() {
        schema.ready(clock.millis()).compose(v -> schema.maintain(clock.millis()))
                .onFailure(e -> LOG.warn("passages partition maintenance failed: {}", e.toString()));
    }

    /** Runs the schema migration alone, for {@code gateway migrate}. */
    Future<Void> migrate() {
        return schema.migrate(clock.millis());
    }

    /** Returns the pool, for the readers of passages (bounded like every use of the store). */
    public Pool pool() {
        return pool;
    }

    /** Returns how many days passages are kept. */
    public int retentionDays() {
        return schema.retentionDays();
    }

    /** Returns the oldest answer time retention keeps: anything before is never returned. */
    public long floor() {
        return schema.floor(clock.millis());
    }

    Shipper shipper() {
        return shipper;
    }

    PassageMetrics metrics() {
        return metrics;
    }

    /** Stops shipping after the batches under way, then closes the pool and the COPY connections. */
    Future<Void> close() {
        vertx.cancelTimer(maintainTimer);
        Future<Void> stopped = shipper == null ? Future.succeededFuture() : shipper.stop();
        return stopped.eventually(pool::close).eventually(() -> copies == null ? Future.succeededFuture()
                : vertx.executeBlocking(() -> {
                    copies.close();
                    return null;
                }));
    }
}
