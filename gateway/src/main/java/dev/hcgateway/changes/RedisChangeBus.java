package dev.hcgateway.changes;

import dev.hcgateway.config.RedisConfig;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/** The change bus over one {@link RedisLink}: XADD to publish, a {@link StreamFollower} on the stream connection. */
public final class RedisChangeBus implements ChangeBus {

    private final RedisLink link;
    private final RedisConfig config;
    private final AtomicBoolean following = new AtomicBoolean();

    private RedisChangeBus(RedisLink link, RedisConfig config) {
        this.link = link;
        this.config = config;
    }

    /** Connects; fails when Redis does not answer within {@code redis.connectTimeoutMs}. */
    public static CompletionStage<RedisChangeBus> open(RedisConfig config) {
        return RedisLink.open(config).thenApply(link -> new RedisChangeBus(link, config));
    }

    @Override
    public CompletionStage<StreamId> publish(String stream, String type, Map<String, String> fields, long maxLength) {
        return link.commands().xadd(stream, trimmed(maxLength), entry(type, fields)).thenApply(StreamId::parse);
    }

    @Override
    public CompletionStage<Void> publishAll(String stream, String type, List<Map<String, String>> entries,
                                            long maxLength) {
        // Lettuce pipelines commands written back to back on one connection: one burst, not one round trip each.
        RedisAsyncCommands<String, String> redis = link.commands();
        CompletableFuture<?>[] added = entries.stream()
                .map(fields -> redis.xadd(stream, trimmed(maxLength), entry(type, fields)).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(added);
    }

    @Override
    public StreamFollower follow(String stream, ChangeRoutes routes, FollowHooks hooks, StreamHealth health,
                                 ScheduledExecutorService executor) {
        if (!following.compareAndSet(false, true)) {
            throw new IllegalStateException("this bus already follows a stream: its read owns the stream connection");
        }
        return new StreamFollower(link, stream, config, routes, hooks, health, executor);
    }

    /** Returns the command connection, for owners' own scripts and scans (never a blocking command). */
    public RedisAsyncCommands<String, String> commands() {
        return link.commands();
    }

    @Override
    public CompletionStage<Void> close() {
        return link.close();
    }

    private static XAddArgs trimmed(long maxLength) {
        return XAddArgs.Builder.maxlen(maxLength).approximateTrimming();
    }

    private static Map<String, String> entry(String type, Map<String, String> fields) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("type", type);
        entry.putAll(fields);
        return entry;
    }
}
