package dev.hcgateway.passback;

import dev.hcgateway.pace.Backoff;
import dev.hcgateway.changes.ChangeRoutes;
import dev.hcgateway.changes.ContactHealth;
import dev.hcgateway.changes.FollowHooks;
import dev.hcgateway.changes.RedisChangeBus;
import dev.hcgateway.changes.StreamFollower;
import dev.hcgateway.changes.StreamId;
import dev.hcgateway.changes.StreamInfo;
import dev.hcgateway.config.RedisConfig;
import dev.hcgateway.config.SightingsConfig;
import dev.hcgateway.passback.SightingQueue.Sighting;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares passes with every gateway of the fleet over the change bus (docs/passages.md, "Across gateways"): this
 * gateway's passes are queued (the scan never waits on Redis) and published in batches, one XADD per batch, to
 * {@code <prefix>sightings}; every gateway follows that stream from its end and feeds the others' passes into its
 * own {@link Sightings}. Its own entries (its instance id) are skipped. Connects and reconnects on its own: a Redis
 * away at start or later only makes detection per gateway ({@link #mode}), never the gateway unready.
 */
public final class FleetSightings implements SightingShare {

    private static final int MAX_PLACES = 10_000;

    private final RedisConfig redis;
    private final SightingsConfig config;
    private final Sightings sightings;
    private final Clock clock;
    private final String instance;
    private final String stream;
    private final SightingQueue queue;
    private final SightingMetrics metrics;
    private final ContactHealth health;
    private final ChangeRoutes routes = new ChangeRoutes();
    // Remote place ids, shared by every pass at that place: bounded, as other gateways' configurations are.
    private final Map<String, String> placeIds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private volatile RedisChangeBus bus;
    private volatile StreamFollower follower;
    private volatile boolean closed;
    private final Backoff backoff;

    /** Creates the share; nothing connects before {@link #start}. */
    public FleetSightings(RedisConfig redis, SightingsConfig config, Sightings sightings, Clock clock,
                          MeterRegistry registry) {
        this.redis = redis;
        this.config = config;
        this.sightings = sightings;
        this.clock = clock;
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        this.instance = HexFormat.of().formatHex(id);
        this.stream = redis.keyPrefix() + "sightings";
        this.queue = new SightingQueue(config.queueMax());
        this.health = new ContactHealth(clock);
        this.backoff = new Backoff(redis.reconnectMaxDelayMs());
        this.metrics = new SightingMetrics(registry, health);
        routes.on("sightings", this::received);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hc-passback-sightings");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting (retried in the background) and publishing; returns at once. */
    public void start() {
        executor.execute(this::connect);
        executor.scheduleWithFixedDelay(this::flush, config.publishIntervalMs(), config.publishIntervalMs(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void passed(PersonKey person, String place, long at) {
        metrics.dropped(queue.offer(new Sighting(person, place, at)));
    }

    @Override
    public String mode() {
        return health.connected() ? "fleet" : "local";
    }

    /** Returns this gateway's instance id, written into its entries. */
    public String instance() {
        return instance;
    }

    /** Stops following and publishing; what is still queued is dropped. */
    public CompletionStage<Void> close() {
        closed = true;
        StreamFollower f = follower;
        if (f != null) {
            f.close();
        }
        RedisChangeBus b = bus;
        bus = null;
        return (b == null ? CompletableFuture.<Void>completedFuture(null) : b.close())
                .whenComplete((v, err) -> executor.shutdownNow());
    }

    private void connect() {
        RedisChangeBus.open(redis).thenCompose(opened -> {
            bus = opened;
            follower = opened.follow(stream, routes, new FromTheEnd(opened), health, executor);
            return follower.start();
        }).whenCompleteAsync((v, err) -> {
            if (err == null) {
                backoff.reset();
                if (closed) {
                    close(); // closed while connecting: release what was just opened
                }
                return;
            }
            health.noContact();
            RedisChangeBus b = bus;
            bus = null;
            if (b != null) {
                b.close();
            }
            if (!closed) {
                executor.schedule(this::connect, backoff.next(), TimeUnit.MILLISECONDS);
            }
        }, executor);
    }

    /** Publishes what is queued, {@code publishBatch} per entry; never awaited (the next tick goes on). */
    private void flush() {
        RedisChangeBus b = bus;
        if (b == null || !health.connected()) {
            return; // kept (bounded) until Redis is back
        }
        int batches = Math.max(1, config.queueMax() / config.publishBatch());
        for (int i = 0; i < batches && queue.size() > 0; i++) {
            List<Sighting> batch = queue.drain(config.publishBatch());
            b.publish(stream, "sightings", Map.of("g", instance, "s", SightingEntry.encode(batch)),
                    config.streamMaxLength()).whenComplete((id, err) -> {
                        if (err == null) {
                            metrics.published(batch.size());
                        } else {
                            metrics.dropped(batch.size());
                        }
                    });
        }
    }

    /** Takes another gateway's entry into the sightings map; this gateway's own are skipped. */
    private boolean received(Map<String, String> fields) {
        if (instance.equals(fields.get("g"))) {
            return true;
        }
        List<Sighting> batch = SightingEntry.decode(fields.get("s"));
        long now = clock.millis();
        for (Sighting s : batch) {
            sightings.passed(s.person(), place(s.place()), s.at());
            metrics.received(now - s.at());
        }
        return !batch.isEmpty();
    }

    private String place(String id) {
        String known = placeIds.get(id);
        if (known != null) {
            return known;
        }
        return placeIds.size() < MAX_PLACES ? placeIds.computeIfAbsent(id, k -> k) : id;
    }

    /** Follows from the stream's end: a sighting older than the window is worth nothing, so a gap is never replayed. */
    private final class FromTheEnd implements FollowHooks {

        private final RedisChangeBus on;
        private boolean regressed;

        FromTheEnd(RedisChangeBus on) {
            this.on = on;
        }

        @Override
        public CompletionStage<StreamId> load(String reason) {
            return StreamInfo.read(on.commands(), stream).thenApply(StreamInfo::lastGenerated);
        }

        @Override
        public void streamRegressed(StreamId newest, StreamId lastSeen) {
            regressed = true; // recreated or restored: our position means nothing, start from the end again
        }

        @Override
        public String takeReloadDue() {
            boolean due = regressed;
            regressed = false;
            return due ? "regressed" : null;
        }

        @Override
        public String whileAway() {
            return "passback detection is per gateway until it is back";
        }
    }
}
