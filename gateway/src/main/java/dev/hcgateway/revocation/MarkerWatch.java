package dev.hcgateway.revocation;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the marker key ({@code <prefix>revocations:epoch}), whose value names the generation of the
 * revocation data. Redis reads a missing set as empty; the marker tells "nothing revoked" from "everything
 * lost": when the generation this gateway loaded disappears (FLUSHALL, a restart without persistence, a
 * failover to an empty replica) or is replaced by another, the store is flagged lost, the mirror is kept and
 * any new generation is merged into it. The flag clears when the loaded generation comes back (restore).
 */
final class MarkerWatch {

    private static final Logger LOG = LoggerFactory.getLogger(MarkerWatch.class);

    /** Redis answered, but without the marker: there is nothing a gateway may load. */
    static final class MarkerMissing extends RuntimeException {
        MarkerMissing(String message) {
            super(message, null, false, false);
        }
    }

    private final String key;
    private final MirrorHealth health;
    private final String newGeneration;
    private volatile String loaded;
    private volatile String followed;
    private String pending;

    /** Creates the watch; {@code newGeneration} is what this gateway writes when it must create the marker. */
    MarkerWatch(String key, MirrorHealth health, String newGeneration) {
        this.key = key;
        this.health = health;
        this.newGeneration = newGeneration;
    }

    /**
     * Reads the marker at start. Missing: fails when {@code required}, else creates it (SET NX; another gateway
     * may win the race, whose value is then read) and warns, since outside a first start it means lost data.
     */
    CompletionStage<String> initial(RedisAsyncCommands<String, String> redis, boolean required) {
        return redis.get(key).thenCompose(value -> {
            if (value != null) {
                return CompletableFuture.completedFuture(value);
            }
            if (required) {
                return CompletableFuture.failedFuture(new MarkerMissing("Redis key " + key
                        + " is missing and redis.requireMarker is true: the revocation data was flushed or never"
                        + " initialised. Initialise a new install (store init), or restore Redis (docs/revocation.md)"));
            }
            return redis.set(key, newGeneration, SetArgs.Builder.nx())
                    .thenCompose(ok -> redis.get(key))
                    .thenApply(created -> {
                        if (created == null) {
                            throw new IllegalStateException("Redis key " + key + " vanished at once");
                        }
                        LOG.warn("Redis key {} was missing: created it (generation {}). Expected at a first start"
                                + " only; otherwise Redis lost its revocation data (docs/revocation.md)", key, created);
                        return created;
                    });
        });
    }

    /** Tells whether {@code generation} is the one this gateway follows (no reload pending). */
    boolean following(String generation) {
        return generation.equals(followed) && pending == null;
    }

    /** Returns the generation the mirror follows now, else the one it was loaded from (any thread may ask). */
    String generation() {
        String f = followed;
        return f != null ? f : loaded;
    }

    /** Notes the generation the mirror was first loaded from. */
    void loaded(String generation) {
        loaded = generation;
        followed = generation;
    }

    /** Notes that the reload {@link #check} asked for is done; a restored generation clears the loss. */
    void reloaded(String reason) {
        if (pending == null) {
            return;
        }
        followed = pending;
        pending = null;
        if ("restored".equals(reason) && followed.equals(loaded)) {
            health.storeLost(null);
            LOG.info("revocation data restored in Redis and reloaded: problem cleared");
        }
    }

    /**
     * Judges the marker's current value; returns the reason to reload the set ({@code generation},
     * {@code restored}), or null. A reload asked for is asked for again until {@link #reloaded} confirms it.
     */
    String check(String value) {
        if (value == null) {
            if (followed != null || !health.isStoreLost()) {
                LOG.error("Redis key {} is gone: Redis lost the revocation data (flushed, restarted empty or failed"
                        + " over). Judging from the last mirror; restore Redis (docs/revocation.md)", key);
            }
            followed = null;
            pending = null;
            health.storeLost("revocation data lost in Redis (" + key + " missing): judging from the last mirror");
            return null;
        }
        if (value.equals(followed)) {
            return null;
        }
        if (!value.equals(pending)) {
            if (value.equals(loaded)) {
                LOG.warn("Redis key {} is back at generation {}: revocation data restored, reloading", key, value);
            } else {
                LOG.error("Redis key {} is at generation {}, not {} as loaded: Redis lost the revocation data and new"
                        + " data was written since. Merging it into the last mirror; restore Redis"
                        + " (docs/revocation.md)", key, value, loaded);
            }
        }
        pending = value;
        if (value.equals(loaded)) {
            return "restored";
        }
        health.storeLost("revocation data lost in Redis (" + key + " now at another generation): judging from the"
                + " last mirror merged with the new data");
        return "generation";
    }
}
