package dev.hcgateway.colour;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Caffeine cache of colours, each entry kept until its own {@code keepUntilMillis} (TTL plus the stale
 * bound), on the injected clock: tests move time, nothing sleeps. Whether an entry is still fresh is the
 * caller's question ({@link CachedColour#freshAt}).
 */
final class ColourCache<K> {

    private final Clock clock;
    private final Cache<K, CachedColour> cache;

    ColourCache(Clock clock, long maximumSize) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // Maintenance on the calling thread: cheap and amortised, and no pool thread in tests.
                .executor(Runnable::run)
                .expireAfter(new Expiry<K, CachedColour>() {
                    @Override
                    public long expireAfterCreate(K key, CachedColour value, long currentTime) {
                        return remaining(value);
                    }

                    @Override
                    public long expireAfterUpdate(K key, CachedColour value, long currentTime, long currentDuration) {
                        return remaining(value);
                    }

                    @Override
                    public long expireAfterRead(K key, CachedColour value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    private long remaining(CachedColour value) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, value.keepUntilMillis() - clock.millis()));
    }

    /** Returns the entry, fresh or stale but still kept, or null. */
    CachedColour get(K key) {
        CachedColour c = cache.getIfPresent(key);
        return c != null && c.servableAt(clock.millis()) ? c : null;
    }

    void put(K key, CachedColour value) {
        cache.put(key, value);
    }

    /** Removes the entry only if it is still this one. */
    void remove(K key, CachedColour value) {
        cache.asMap().remove(key, value);
    }

    void invalidateAll(Collection<K> keys) {
        cache.invalidateAll(keys);
    }

    /** Removes every entry matching; walks the whole cache (used for the small document cache only). */
    void invalidateWhere(Predicate<CachedColour> matches) {
        cache.asMap().values().removeIf(matches);
    }

    /** Gives every entry still kept (weakly consistent: entries added or removed meanwhile may be missed). */
    void forEach(java.util.function.BiConsumer<K, CachedColour> each) {
        long now = clock.millis();
        cache.asMap().forEach((key, value) -> {
            if (value.servableAt(now)) {
                each.accept(key, value);
            }
        });
    }

    long size() {
        return cache.estimatedSize();
    }
}
