package dev.hcgateway.changes;

import dev.hcgateway.config.RedisConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The two Redis connections of a change bus, one per purpose: {@code commands} (writes, and the owner's marker
 * checks and snapshot scans) and {@code stream} (the blocking stream read, which would stall anything queued
 * behind it). Both are bounded the way Lettuce's defaults are not: a bounded request queue, commands refused
 * while disconnected instead of buffered, no replay of in-flight commands after a reconnect, millisecond
 * timeouts, and a jittered exponential reconnect backoff with an upper bound.
 */
public final class RedisLink {

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisConnection<String, String> stream;

    private RedisLink(ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> commands,
                      StatefulRedisConnection<String, String> stream) {
        this.resources = resources;
        this.client = client;
        this.commands = commands;
        this.stream = stream;
    }

    /** Connects both connections; fails when Redis does not answer within the connect timeout. */
    public static CompletionStage<RedisLink> open(RedisConfig config) {
        ClientResources resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(1)
                .reconnectDelay(Delay.equalJitter(Duration.ofMillis(50), Duration.ofMillis(config.reconnectMaxDelayMs()),
                        100, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(config.uri());
        uri.setTimeout(Duration.ofMillis(config.commandTimeoutMs()));
        // Through Sentinel, every (re)connect first asks a sentinel for the primary: bound those questions too,
        // so a reconnect after a failover moves on from a dead sentinel instead of waiting Lettuce's 60 s.
        uri.getSentinels().forEach(s -> s.setTimeout(Duration.ofMillis(config.commandTimeoutMs())));
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(options(config));
        CompletableFuture<StatefulRedisConnection<String, String>> commands =
                client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        CompletableFuture<StatefulRedisConnection<String, String>> stream =
                client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        return CompletableFuture.allOf(commands, stream)
                .thenApply(v -> new RedisLink(resources, client, commands.join(), stream.join()))
                .whenComplete((link, err) -> {
                    if (err != null) {
                        // Half-open: close whatever did connect, then the client and its threads.
                        commands.thenAccept(StatefulRedisConnection::closeAsync);
                        stream.thenAccept(StatefulRedisConnection::closeAsync);
                        client.shutdownAsync(0, 1, TimeUnit.SECONDS).thenCompose(x -> shutdown(resources));
                    }
                });
    }

    static ClientOptions options(RedisConfig config) {
        long blockingTimeout = (long) config.streamBlockMs() + config.commandTimeoutMs();
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(config.requestQueueSize())
                // In-flight commands fail on disconnect instead of being re-sent later: callers retry on their own
                // terms (the follower from its last id; admin clients after a 503), so no backlog builds up.
                .replayFilter(command -> true)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                        .keepAlive(true)
                        .build())
                .timeoutOptions(TimeoutOptions.builder()
                        .timeoutCommands(true)
                        .timeoutSource(new TimeoutOptions.TimeoutSource() {
                            @Override
                            public long getTimeout(RedisCommand<?, ?, ?> command) {
                                if (command.getType() == CommandType.WAIT) {
                                    return (long) config.replicaWaitMs() + config.commandTimeoutMs();
                                }
                                return command.getType() == CommandType.XREAD ? blockingTimeout
                                        : config.commandTimeoutMs();
                            }

                            @Override
                            public TimeUnit getTimeUnit() {
                                return TimeUnit.MILLISECONDS;
                            }
                        })
                        .build())
                .build();
    }

    /** Returns the connection for writes, marker checks and snapshots. */
    public RedisAsyncCommands<String, String> commands() {
        return commands.async();
    }

    /** Returns the connection reserved for the blocking change-stream read. */
    public RedisAsyncCommands<String, String> stream() {
        return stream.async();
    }

    /** Closes both connections, the client and its threads. */
    public CompletionStage<Void> close() {
        return CompletableFuture.allOf(commands.closeAsync(), stream.closeAsync())
                .handle((v, err) -> null)
                .thenCompose(v -> client.shutdownAsync(0, 1, TimeUnit.SECONDS))
                .handle((v, err) -> null)
                .thenCompose(v -> shutdown(resources));
    }

    private static CompletionStage<Void> shutdown(ClientResources resources) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        resources.shutdown(0, 1, TimeUnit.SECONDS).addListener(f -> done.complete(null));
        return done;
    }
}
