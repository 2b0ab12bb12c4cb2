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
 * statement timeout), the schema, the batch writer, the tracer queries and the shipper that feeds the store
 * from the journal. Partitions are maintained hourly: created ahead, dropped past retention.
 */
final class PassageStore {

    private static final Logger LOG = LoggerFactory.getLogger(PassageStore.class);
    private static final long MAINTAIN_MS = 3_600_000;

    private final Vertx vertx;
    private final Pool pool;
    private final PassageSchema schema;
    private final TracerQueries queries;
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
        this.queries = new TracerQueries(pool);
        this.shipper = journal == null ? null : new Shipper(vertx, journal, new PassageWriter(pool, schema), schema,
                metrics, clock, config.batchSize(), config.shipIntervalMs());
    }

    /** Returns a pool bounded in every direction, so that a slow store cannot pile up work in the gateway. */
    static Pool pool(Vertx vertx, PassagesConfig config) {
        PgConnectOptions connect = PgConnectOptions.fromUri(config.url().replaceFirst("^postgres://", "postgresql://"))
                .addProperty("statement_timeout", String.valueOf(config.timeoutMs()))
                .addProperty("application_name", "hc-gateway");
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

    TracerQueries queries() {
        return queries;
    }

    Shipper shipper() {
        return shipper;
    }

    PassageSchema schema() {
        return schema;
    }

    PassageMetrics metrics() {
        return metrics;
    }

    /** Stops shipping and closes the pool. */
    Future<Void> close() {
        if (shipper != null) {
            shipper.stop();
        }
        vertx.cancelTimer(maintainTimer);
        return pool.close();
    }
}
