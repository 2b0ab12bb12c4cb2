package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.ColourSource;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One kind of key of one store (an issuer's subjects, or document hashes): the cache, the store's loader for these
 * keys and the per-scan time budget. Gives the store's colour (cached or just looked up), or says why not with the
 * cached colour that may stand in.
 */
final class ColourLane<K> {

    /** The lane's answer for one scan. */
    sealed interface LaneAnswer permits Fresh, Degraded {
    }

    /** The store's word: from the cache within its TTL, or from the lookup made for this scan. */
    record Fresh(CachedColour colour, ColourSource source) implements LaneAnswer {
    }

    /**
     * The store's word was not had in time.
     *
     * @param stale the cached colour past its TTL that may stand in, or null
     */
    record Degraded(Degradation why, CachedColour stale) implements LaneAnswer {
    }


    private final Vertx vertx;
    private final Clock clock;
    private final long budgetMs;
    private final ColourCache<K> cache;
    private final BatchLoader<K> loader;
    private final Counter hits;
    private final Counter misses;

    ColourLane(Vertx vertx, String kind, Clock clock, long budgetMs, ColourCache<K> cache, BatchLoader<K> loader,
               ColourMetrics metrics) {
        this.vertx = vertx;
        this.clock = clock;
        this.budgetMs = budgetMs;
        this.cache = cache;
        this.loader = loader;
        // Resolved once: a cache hit costs a counter increment, no label lookup.
        this.hits = metrics.cacheReads(kind, true);
        this.misses = metrics.cacheReads(kind, false);
    }

    /** Answers within the budget; never fails. Callbacks run on the caller's context. */
    Future<LaneAnswer> answer(K key) {
        CachedColour cached = cache.get(key);
        if (cached != null && cached.freshAt(clock.millis())) {
            hits.increment();
            return Future.succeededFuture(new Fresh(cached, ColourSource.CACHE));
        }
        misses.increment();
        BatchLoader.Ticket ticket = loader.load(key);
        if (ticket instanceof BatchLoader.Refused refused) {
            return Future.succeededFuture(degraded(key, refused.why()));
        }
        Future<BatchLoader.Load> load = ((BatchLoader.Waiting) ticket).load();
        Context caller = vertx.getOrCreateContext();
        Promise<LaneAnswer> out = Promise.promise();
        AtomicBoolean decided = new AtomicBoolean();
        long timer = vertx.setTimer(budgetMs, id -> {
            if (decided.compareAndSet(false, true)) {
                out.complete(degraded(key, Degradation.TIMEOUT));
            }
        });
        load.onComplete(ar -> {
            if (!decided.compareAndSet(false, true)) {
                return; // the budget ran out first; the lookup only filled the cache
            }
            vertx.cancelTimer(timer);
            LaneAnswer answer = ar.result() instanceof BatchLoader.Loaded loaded
                    ? new Fresh(loaded.colour(), ColourSource.AUTHORITY)
                    : degraded(key, ((BatchLoader.Failed) ar.result()).why());
            if (Vertx.currentContext() == caller) {
                out.complete(answer);
            } else {
                caller.runOnContext(v -> out.complete(answer));
            }
        });
        return out.future();
    }

    /** Re-reads the cache now, so that an invalidation since the scan began is never undone. */
    private LaneAnswer degraded(K key, Degradation why) {
        CachedColour now = cache.get(key);
        if (now != null && now.freshAt(clock.millis())) {
            return new Fresh(now, ColourSource.CACHE); // a lookup just landed: the store's word after all
        }
        return new Degraded(why, now);
    }

    ColourCache<K> cache() {
        return cache;
    }

    BatchLoader<K> loader() {
        return loader;
    }
}
