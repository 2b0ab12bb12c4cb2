package dev.hcgateway.revocation;

import static dev.hcgateway.revocation.MirrorTest.code;
import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.RedisNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revocation acknowledged once is never forgotten by the fleet, against real redis-server
 * processes on this suite's ports (23100..23199): flushed, restarted from an older dump, failed over to a
 * replica that lags.
 */
@ExtendWith(VertxExtension.class)
class AcknowledgedRevocationSurvivesTest {

    private static final String PREFIX = "hc:";
    private static final Duration CATCH_UP = Duration.ofSeconds(8);

    @TempDir
    Path dir;
    private Vertx vertx;
    private final List<RedisNode> nodes = new ArrayList<>();
    private final List<RedisRevocations> stores = new ArrayList<>();
    private final Map<RedisRevocations, MeterRegistry> registries = new HashMap<>();

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (RedisRevocations store : stores) {
            store.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        for (RedisNode node : nodes) {
            node.close();
        }
    }

    private RedisNode node(int port, RedisNode primary) throws Exception {
        RedisNode node = new RedisNode(dir, port).start(primary);
        if (primary == null) {
            node.initStore(PREFIX);
        }
        nodes.add(node);
        return node;
    }

    private RedisRevocations store(RedisNode node, Map<String, Object> more) {
        Map<String, Object> overrides = new HashMap<>(Map.of("redis.uri", node.uri(), "redis.keyPrefix", PREFIX,
                "redis.reconnectMaxDelayMs", 300, "redis.streamBlockMs", 300, "redis.connectTimeoutMs", 300));
        overrides.putAll(more);
        MeterRegistry registry = new SimpleMeterRegistry();
        RedisRevocations store = new RedisRevocations(vertx, new ConfigLoader().defaultsWith(overrides).redis(),
                Clock.systemUTC(), registry);
        stores.add(store);
        registries.put(store, registry);
        return store;
    }

    private static boolean acknowledged(Future<Void> write) {
        return await(write.map(true).otherwise(false));
    }

    private static boolean revoked(RedisRevocations store, String idHex) {
        return store.isRevoked(code(idHex, "s-1", 1000));
    }

    private static byte[] id(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void redisFlushed_laterWritesRefused_newGatewayDoesNotLoadTheEmptyStore() throws Exception {
        RedisNode redis = node(23101, null);
        RedisRevocations first = store(redis, Map.of());
        await(first.start());
        await(first.revokeCode(id("a1a1a1a1a1a1a1a1a1a1a101")));

        redis.command("FLUSHALL");
        boolean afterFlush = acknowledged(first.revokeCode(id("a1a1a1a1a1a1a1a1a1a1a102")));

        assertThat(afterFlush).as("a write to a flushed store is refused, not taken as a fresh start").isFalse();
        assertThat(redis.command("EXISTS", PREFIX + "revocations:epoch")).contains("0");
        RedisRevocations later = store(redis, Map.of("redis.requireMarker", true));
        assertThat(acknowledged(later.start())).as("a gateway started later does not judge by the empty store")
                .isFalse();
        assertThat(later.state().serving()).isFalse();
        Eventually.within(CATCH_UP, "the running gateway flags the loss",
                () -> first.state().problem() != null && first.state().problem().contains("lost"));
        assertThat(revoked(first, "a1a1a1a1a1a1a1a1a1a1a101")).as("and keeps judging by its mirror").isTrue();
    }

    @Test
    void redisRestartedFromOlderDump_rollbackFlaggedFleetWide_mirrorKeepsWhatWasLost() throws Exception {
        RedisNode redis = node(23111, null);
        RedisRevocations running = store(redis, Map.of());
        await(running.start());
        await(running.revokeCode(id("b2b2b2b2b2b2b2b2b2b2b201")));
        redis.command("SAVE");
        Path older = dir.resolve("older.rdb");
        Files.copy(redis.dump(), older);
        await(running.revokeCode(id("b2b2b2b2b2b2b2b2b2b2b202")));

        redis.kill();
        Files.copy(older, redis.dump(), StandardCopyOption.REPLACE_EXISTING);
        redis.start(null);

        Eventually.within(CATCH_UP, "the rollback is flagged",
                () -> running.state().problem() != null && running.state().problem().contains("rolled back"));
        assertThat(registries.get(running).get("hc.revocation.store.lost").gauge().value()).isEqualTo(1);
        assertThat(revoked(running, "b2b2b2b2b2b2b2b2b2b2b202")).as("the lost revocation is still enforced here")
                .isTrue();
        Eventually.within(CATCH_UP, "the finding is stored for the fleet",
                () -> !redis.command("GET", PREFIX + "revocations:lost").equals("[null]"));

        RedisRevocations later = store(redis, Map.of());
        await(later.start());
        assertThat(later.state().problem()).as("a gateway started after the rollback knows of it")
                .contains("rolled back");
        assertThat(registries.get(later).get("hc.revocation.store.lost").gauge().value()).isEqualTo(1);
    }

    @Test
    void failoverToLaggingReplica_everyAcknowledgedRevocationSurvives() throws Exception {
        RedisNode primary = node(23121, null);
        RedisNode replica = node(23122, primary);
        Eventually.within(CATCH_UP, "the replica is in sync",
                () -> replica.command("INFO", "replication").contains("master_link_status:up"));
        RedisRevocations gateway = store(primary, Map.of("redis.replicaAcks", 1, "redis.replicaWaitMs", 300));
        await(gateway.start());
        Map<String, Boolean> acked = new HashMap<>();
        acked.put("c3c3c3c3c3c3c3c3c3c3c301", acknowledged(gateway.revokeCode(id("c3c3c3c3c3c3c3c3c3c3c301"))));

        // The replica falls behind (its link to the primary is cut), then the primary dies and it is promoted.
        replica.command("REPLICAOF", "127.0.0.1", "23199");
        acked.put("c3c3c3c3c3c3c3c3c3c3c302", acknowledged(gateway.revokeCode(id("c3c3c3c3c3c3c3c3c3c3c302"))));
        primary.kill();
        replica.command("REPLICAOF", "NO", "ONE");

        assertThat(acked.get("c3c3c3c3c3c3c3c3c3c3c301")).as("a replicated write is acknowledged").isTrue();
        RedisRevocations afterFailover = store(replica, Map.of());
        await(afterFailover.start());
        acked.forEach((idHex, wasAcked) -> assertThat(!wasAcked || revoked(afterFailover, idHex))
                .as("acknowledged revocation " + idHex + " is enforced after the failover").isTrue());
    }
}
