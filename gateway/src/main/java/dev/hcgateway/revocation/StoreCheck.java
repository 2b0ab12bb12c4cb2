package dev.hcgateway.revocation;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The follower's periodic look at the store's bookkeeping keys, in one {@code MGET}: the marker (flushed or
 * replaced?, {@link MarkerWatch}), the change counter and the {@code lost} key (rolled back?,
 * {@link RollbackWatch}); then writes a new rollback finding to the {@code lost} key.
 */
final class StoreCheck {

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;
    private final MarkerWatch marker;
    private final RollbackWatch rollback;

    StoreCheck(RedisAsyncCommands<String, String> redis, RedisKeys keys, MarkerWatch marker, RollbackWatch rollback) {
        this.redis = redis;
        this.keys = keys;
        this.marker = marker;
        this.rollback = rollback;
    }

    /** Runs the check; completes with the reason to reload the set, or null. */
    CompletionStage<String> run() {
        return redis.mget(keys.marker(), keys.counter(), keys.lost()).thenCompose(values -> {
            String generation = value(values, 0);
            String reload = marker.check(generation);
            rollback.lostKey(value(values, 2));
            if (reload == null && generation != null && marker.following(generation)) {
                rollback.stored(value(values, 1));
            }
            if (reload == null && rollback.takeReloadDue()) {
                reload = "rollback";
            }
            String finding = generation != null ? rollback.toReport() : null;
            if (finding == null) {
                return CompletableFuture.completedFuture(reload);
            }
            String result = reload;
            // NX: the first finding stays; an operator clears it once Redis is restored.
            return redis.set(keys.lost(), finding, SetArgs.Builder.nx()).thenApply(ok -> {
                rollback.reported();
                return result;
            });
        });
    }

    /** Reads the counter before a load and notes it; {@code reason} tells a new generation from a reload. */
    CompletionStage<Void> beforeLoad(String reason) {
        return redis.mget(keys.counter(), keys.lost()).thenAccept(values -> {
            rollback.loading(parse(value(values, 0)), "start".equals(reason) || "generation".equals(reason));
            rollback.lostKey(value(values, 1));
            rollback.takeReloadDue(); // this load is the reload
        });
    }

    private static String value(List<KeyValue<String, String>> values, int i) {
        return values != null && i < values.size() ? values.get(i).getValueOrElse(null) : null;
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
