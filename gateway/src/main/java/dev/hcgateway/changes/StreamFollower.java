package dev.hcgateway.changes;

import dev.hcgateway.config.RedisConfig;
import dev.hcgateway.pace.Backoff;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one Redis stream with blocking reads from the last id applied, delivering each entry to its
 * {@link ChangeRoutes}. One step at a time on one thread, so at most one command of the follower is ever
 * outstanding and an outage never piles up work: a failed step is retried after a bounded backoff, resuming
 * from the last id, or reloading (through {@link FollowHooks#load}) when the stream no longer holds what came
 * after it (trimmed, recreated). Every stream-block period it runs the owner's check ({@link FollowHooks#check}).
 */
public final class StreamFollower {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFollower.class);

    private final RedisLink link;
    private final String stream;
    private final RedisConfig config;
    private final ChangeRoutes routes;
    private final FollowHooks hooks;
    private final StreamHealth health;
    private final ScheduledExecutorService executor;
    private volatile boolean closed;
    private volatile StreamId lastSeen = StreamId.ZERO; // written by the follower thread only
    // Touched by the follower thread only:
    private boolean caughtUp;
    private boolean gapCheckDue = true;
    private long markerCheckedAt = System.nanoTime();
    private boolean markerDue;
    private final Backoff backoff;
    private boolean unusableLogged;

    StreamFollower(RedisLink link, String stream, RedisConfig config, ChangeRoutes routes, FollowHooks hooks,
                   StreamHealth health, ScheduledExecutorService executor) {
        this.link = link;
        this.stream = stream;
        this.config = config;
        this.routes = routes;
        this.hooks = hooks;
        this.health = health;
        this.executor = executor;
        this.backoff = new Backoff(config.reconnectMaxDelayMs());
    }

    /** Loads the owner's state (failing when Redis cannot be read), then follows the stream until {@link #close}. */
    public CompletionStage<Void> start() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> hooks.load("start"), executor).thenCompose(s -> s)
                .whenCompleteAsync((from, err) -> {
                    if (err != null) {
                        started.completeExceptionally(err);
                    } else if (started.complete(null)) {
                        loaded(from);
                        step();
                    }
                }, executor);
        return started;
    }

    /** Returns the id of the last entry delivered (or the position a load started from): any thread may ask. */
    public StreamId position() {
        return lastSeen;
    }

    /** Stops following; the outstanding read is cancelled when the link closes. */
    public void close() {
        closed = true;
    }

    private void loaded(StreamId from) {
        lastSeen = from;
        caughtUp = false;
        gapCheckDue = true;
    }

    /** Runs the next step of the loop: owner's check when due, gap check when due, else one blocking read. */
    private void step() {
        if (closed) {
            return;
        }
        try {
            if (markerDue || System.nanoTime() - markerCheckedAt >= TimeUnit.MILLISECONDS.toNanos(config.streamBlockMs())) {
                markerCheckedAt = System.nanoTime();
                markerDue = false;
                then(hooks.check(), this::resyncOrStep);
            } else if (gapCheckDue) {
                checkGap();
            } else {
                read();
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void checkGap() {
        then(StreamInfo.read(link.commands(), stream), info -> {
            gapCheckDue = false;
            if (info.lastGenerated().compareTo(lastSeen) < 0) {
                hooks.streamRegressed(info.lastGenerated(), lastSeen);
            } else if (info.missedAfter(lastSeen)) {
                LOG.warn("stream {} no longer holds what followed {} (trimmed or recreated): reloading", stream,
                        lastSeen);
                resync("gap");
                return;
            }
            resyncOrStep(hooks.takeReloadDue());
        });
    }

    @SuppressWarnings("unchecked") // Lettuce's varargs of a generic type; one offset is passed
    private void read() {
        health.readStarted(caughtUp);
        then(link.stream().xread(XReadArgs.Builder.count(config.streamReadCount()).block(config.streamBlockMs()),
                XReadArgs.StreamOffset.from(stream, lastSeen.toString())), messages -> {
                    List<StreamMessage<String, String>> batch = messages == null ? List.of() : messages;
                    apply(batch);
                    caughtUp = batch.size() < config.streamReadCount();
                    health.readEnded(caughtUp);
                    resyncOrStep(hooks.takeReloadDue());
                });
    }

    /** Delivers a batch in order; an entry nobody can use is skipped (logged once), so a newer writer never stops us. */
    private void apply(List<StreamMessage<String, String>> batch) {
        for (StreamMessage<String, String> message : batch) {
            StreamId id = StreamId.parse(message.getId());
            Map<String, String> fields = message.getBody();
            boolean used = routes.deliver(fields);
            if (!used && !unusableLogged) {
                unusableLogged = true;
                LOG.warn("skipping an unusable entry {} of stream {} (unknown type or malformed); further ones are"
                        + " only counted", id, stream);
            }
            hooks.entry(id, fields, used);
            lastSeen = id;
        }
    }

    private void resyncOrStep(String reason) {
        if (reason != null) {
            resync(reason);
        } else {
            step();
        }
    }

    private void resync(String reason) {
        then(hooks.load(reason), from -> {
            loaded(from);
            hooks.reloaded(reason);
            step();
        });
    }

    /** Continues with {@code next} on the follower thread once {@code stage} succeeded; else retries later. */
    private <T> void then(CompletionStage<T> stage, Consumer<T> next) {
        stage.whenCompleteAsync((value, err) -> {
            if (succeeded(err)) {
                try {
                    next.accept(value);
                } catch (RuntimeException e) {
                    LOG.error("follower step of stream {} failed; retrying", stream, e);
                    failed(e);
                }
            }
        }, executor);
    }

    /** Returns true on success (and notes contact); on failure schedules a retry and returns false. */
    private boolean succeeded(Throwable err) {
        if (closed) {
            return false;
        }
        if (err != null) {
            failed(err);
            return false;
        }
        backoff.reset();
        long outage = health.outageMillis();
        if (health.contact()) {
            LOG.info("Redis reachable again after {} ms: resuming stream {} after {}", outage, stream, lastSeen);
        }
        return true;
    }

    private void failed(Throwable err) {
        health.readEnded(false);
        caughtUp = false;
        gapCheckDue = true;
        markerDue = true; // check the owner's keys first after an outage: a restarted Redis may have lost everything
        if (health.noContact()) {
            LOG.warn("Redis unreachable ({}) following {}: {}", err.toString(), stream, hooks.whileAway());
        }
        if (!closed) {
            executor.schedule(this::step, backoff.next(), TimeUnit.MILLISECONDS);
        }
    }
}
