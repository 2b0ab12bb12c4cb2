package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.authority.Failure;
import dev.hcgateway.authority.LookupResult;
import dev.hcgateway.model.StoreColour;
import dev.hcgateway.config.ColourConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The coalescing, batching loader Caffeine lacks for single-key misses. Concurrent misses of one key share one
 * pending load; misses of different keys within the batch window go out as one lookup of up to
 * {@code maxBatch} keys. Admission (rate, in-flight cap, breaker, back-off) is decided at once under a short
 * lock: a refused key degrades, it never queues. Results go into the cache unless the key was invalidated
 * while its lookup was in flight. Thread-safe; callers are event loops.
 */
final class BatchLoader<K> {

    /** What a load ended with, for every scan that waited on it. */
    sealed interface Load permits Loaded, Failed {
    }

    /** The store's colour, now cached (unless invalidated meanwhile). */
    record Loaded(CachedColour colour) implements Load {
    }

    /** The store gave no answer; {@code why} is a bounded degraded reason. */
    record Failed(Degradation why) implements Load {
    }

    /** What {@link #load} gives: a load to wait for, or a refusal to degrade on at once. */
    sealed interface Ticket permits Waiting, Refused {
    }

    record Waiting(Future<Load> load) implements Ticket {
    }

    record Refused(Degradation why) implements Ticket {
    }

    /** One key's load in flight; {@code invalidated} keeps its (possibly older) result out of the cache. */
    private static final class Pending {
        final Promise<Load> promise = Promise.promise();
        volatile boolean invalidated;
    }

    private final Vertx vertx;
    private final String kind;
    private final ColourConfig config;
    private final Clock clock;
    private final StoreGuard guard;
    private final ColourCache<K> cache;
    private final Function<List<K>, Future<LookupResult>> fetch;
    private final Function<K, String> wireKey;
    private final ColourMetrics metrics;
    private final ConcurrentHashMap<K, Pending> inFlight = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private List<K> open; // the batch collecting keys; guarded by lock

    BatchLoader(Vertx vertx, String kind, ColourConfig config, Clock clock, StoreGuard guard, ColourCache<K> cache,
                Function<List<K>, Future<LookupResult>> fetch, Function<K, String> wireKey, ColourMetrics metrics) {
        this.vertx = vertx;
        this.kind = kind;
        this.config = config;
        this.clock = clock;
        this.guard = guard;
        this.cache = cache;
        this.fetch = fetch;
        this.wireKey = wireKey;
        this.metrics = metrics;
    }

    /** Joins the key's load in flight, or starts one in the open batch, or refuses at once. */
    Ticket load(K key) {
        List<K> full = null;
        List<K> opened = null;
        Pending pending;
        synchronized (lock) {
            pending = inFlight.get(key);
            if (pending != null) {
                metrics.load(kind, "coalesced");
                return new Waiting(pending.promise.future());
            }
            Degradation refused = guard.tryTakeToken();
            if (refused == null && open == null) {
                refused = guard.tryStartLookup();
                if (refused != null) {
                    guard.giveBackToken();
                } else {
                    open = new ArrayList<>(config.maxBatch());
                    opened = open;
                }
            }
            if (refused != null) {
                metrics.load(kind, refused.wire());
                return new Refused(refused);
            }
            pending = new Pending();
            inFlight.put(key, pending);
            open.add(key);
            if (open.size() >= config.maxBatch()) {
                full = open;
                open = null;
            }
        }
        metrics.load(kind, "batched");
        if (full != null) {
            send(full);
        } else if (opened != null) {
            List<K> batch = opened;
            if (config.batchWindowMs() == 0) {
                vertx.getOrCreateContext().runOnContext(v -> flush(batch));
            } else {
                vertx.setTimer(config.batchWindowMs(), id -> flush(batch));
            }
        }
        return new Waiting(pending.promise.future());
    }

    /** Keeps the results of these keys' loads in flight out of the cache, then drops their cached colours. */
    void invalidate(Collection<K> keys) {
        // Flag first, drop second; completion puts first, checks the flag second. Either the completion sees
        // the flag and removes its own entry, or the drop comes after the put: a pre-invalidation colour
        // never stays cached.
        for (K key : keys) {
            Pending p = inFlight.get(key);
            if (p != null) {
                p.invalidated = true;
            }
        }
        cache.invalidateAll(keys);
    }

    /** Keeps the result of every load in flight out of the cache (used when the keys cannot be told). */
    void invalidateAllInFlight() {
        inFlight.values().forEach(p -> p.invalidated = true);
    }

    private void flush(List<K> batch) {
        synchronized (lock) {
            if (open != batch) {
                return; // already sent when it filled up
            }
            open = null;
        }
        send(batch);
    }

    private void send(List<K> batch) {
        metrics.batch(kind, batch.size());
        Future<LookupResult> lookup;
        try {
            lookup = fetch.apply(batch);
        } catch (RuntimeException e) {
            lookup = Future.failedFuture(e);
        }
        lookup.onComplete(ar -> {
            LookupResult result = ar.succeeded() ? ar.result()
                    : new LookupResult.Unavailable(Failure.UNREACHABLE, 0);
            guard.lookupEnded(result);
            complete(batch, result);
        });
    }

    private void complete(List<K> batch, LookupResult result) {
        long now = clock.millis();
        for (K key : batch) {
            Pending p = inFlight.get(key);
            Load load;
            if (result instanceof LookupResult.Colours colours) {
                StoreColour answer = colours.byKey().get(wireKey.apply(key));
                CachedColour cached = CachedColour.of(answer, now, config);
                cache.put(key, cached);
                if (p.invalidated) {
                    cache.remove(key, cached);
                }
                load = new Loaded(cached);
            } else {
                load = new Failed(((LookupResult.Unavailable) result).failure().degradation());
            }
            inFlight.remove(key, p);
            p.promise.complete(load);
        }
    }

    /** Returns the keys with a load in flight. */
    int pending() {
        return inFlight.size();
    }
}
