package dev.hcgateway.revocation;

import static dev.hcgateway.support.Gateways.await;

import dev.hcgateway.model.SubjectKey;

import static dev.hcgateway.revocation.MirrorTest.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.RedisConfig;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.RedisFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Redis-backed store against the shared Redis, each test under its own key prefix. */
@ExtendWith(VertxExtension.class)
class RedisRevocationsTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    private Vertx vertx;
    private RedisFixture redis;
    private final List<RedisRevocations> stores = new ArrayList<>();
    private final Map<RedisRevocations, MeterRegistry> registries = new HashMap<>();

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        this.redis = new RedisFixture(RedisFixture.SHARED_URI).initStore();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            for (RedisRevocations store : stores) {
                await(store.close());
            }
        } finally {
            redis.close();
        }
    }

    private RedisConfig config(Map<String, Object> more) {
        Map<String, Object> overrides = new HashMap<>(Map.of("redis.uri", redis.uri(), "redis.keyPrefix", redis.prefix()));
        overrides.putAll(more);
        return new ConfigLoader().defaultsWith(overrides).redis();
    }

    private RedisRevocations store(Map<String, Object> more) {
        MeterRegistry registry = new SimpleMeterRegistry();
        RedisRevocations store = new RedisRevocations(vertx, config(more), Clock.systemUTC(), registry);
        stores.add(store);
        registries.put(store, registry);
        return store;
    }

    private RedisRevocations started() throws Exception {
        return started(Map.of());
    }

    private RedisRevocations started(Map<String, Object> more) throws Exception {
        RedisRevocations store = store(more);
        await(store.start());
        return store;
    }

    private static byte[] id(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void revokeCode_onOneStore_revokedOnTheOtherWithinOneSecond() throws Exception {
        RedisRevocations a = started();
        RedisRevocations b = started();
        var victim = code("0a0b0c0d0e0f101112131415", "s-1", 1000);
        assertThat(b.isRevoked(victim)).isFalse();

        await(a.revokeCode(victim.codeId()));

        assertThat(a.isRevoked(victim)).as("the writing gateway knows at once").isTrue();
        Eventually.within(PROPAGATION, "revocation reaches the other gateway", () -> b.isRevoked(victim));
        assertThat(b.isRevoked(code("0a0b0c0d0e0f101112131416", "s-1", 1000))).isFalse();
        assertThat(redis.redis().sismember(redis.prefix() + "revocations:codes", "0a0b0c0d0e0f101112131415")).isTrue();
        assertThat(registries.get(b).get("hc.revocation.events.applied").tag("type", "code").counter().count())
                .isEqualTo(1);
        assertThat(b.state().lagMillis()).isZero();
        assertThat(b.state().problem()).isNull();
    }

    @Test
    void revokeSubject_hitsOlderCodes_sparesNewerOnes() throws Exception {
        RedisRevocations a = started();
        RedisRevocations b = started();

        await(a.revokeSubject(SubjectKey.everyIssuer("s-lost-phone"), 1_795_300_000L));
        await(a.revokeSubject(SubjectKey.everyIssuer("s-lost-phone"), 1_795_200_000L)); // an earlier instant does not narrow it

        Eventually.within(PROPAGATION, "subject revocation reaches the other gateway",
                () -> b.isRevoked(code("0a0b0c0d0e0f101112131415", "s-lost-phone", 1_795_299_999L)));
        assertThat(b.isRevoked(code("0a0b0c0d0e0f101112131415", "s-lost-phone", 1_795_300_000L))).isFalse();
        assertThat(b.isRevoked(code("0a0b0c0d0e0f101112131415", "s-lost-phone", 1_795_300_100L))).isFalse();
        assertThat(b.isRevoked(code("0a0b0c0d0e0f101112131415", "s-other", 1_795_000_000L))).isFalse();
        assertThat(redis.redis().hget(redis.prefix() + "revocations:issuer-subjects", "*:s-lost-phone"))
                .isEqualTo("1795300000");
    }

    @Test
    void revocations_gatewayRestarted_loadedFromTheSnapshot() throws Exception {
        RedisRevocations first = started();
        await(first.revokeCode(id("00000000000000000000aaaa")));
        await(first.revokeSubject(SubjectKey.everyIssuer("s-9"), 2000));
        await(first.close());

        RedisRevocations again = started();

        assertThat(again.isRevoked(code("00000000000000000000aaaa", "s-1", 1000))).isTrue();
        assertThat(again.isRevoked(code("00000000000000000000bbbb", "s-9", 1999))).isTrue();
        assertThat(again.state().entries()).isEqualTo(2);
        assertThat(registries.get(again).get("hc.revocation.resyncs").tag("reason", "start").counter().count())
                .isEqualTo(1);
    }

    @Test
    void start_manyIdsAlreadyInRedis_allLoadedAcrossScanBatches() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ids.add(String.format("%024x", 0x1234_0000L + i));
        }
        redis.redis().sadd(redis.prefix() + "revocations:codes", ids.toArray(String[]::new));
        redis.redis().sadd(redis.prefix() + "revocations:codes", "not-a-code-id");
        redis.redis().hset(redis.prefix() + "revocations:subjects", Map.of("s-a", "100", "s-b", "200", "s-c", "soon"));
        redis.redis().set(redis.prefix() + "revocations:epoch", "g1");

        RedisRevocations store = started(Map.of("redis.snapshotBatch", 100));

        for (String id : ids) {
            assertThat(store.isRevoked(code(id, "s-x", 1))).isTrue();
        }
        assertThat(store.isRevoked(code("00000000000000000000ffff", "s-b", 199))).isTrue();
        assertThat(store.mirror().codeCount()).isEqualTo(5000);
        assertThat(store.mirror().subjectCount()).isEqualTo(2);
        assertThat(registries.get(store).get("hc.revocation.events.unusable").counter().count()).isEqualTo(2);
    }

    @Test
    void publishInvalidation_onOneStore_reachesEveryListenerWithinOneSecond() throws Exception {
        RedisRevocations a = started();
        RedisRevocations b = started();
        List<List<SubjectKey>> heardByA = new CopyOnWriteArrayList<>();
        List<List<SubjectKey>> heardByB = new CopyOnWriteArrayList<>();
        a.onInvalidation(heardByA::add);
        b.onInvalidation(heardByB::add);

        await(a.publishInvalidation(null, List.of("s-1", "s-2")));
        await(a.publishInvalidation("440300", List.of("s-3")));

        Eventually.within(PROPAGATION, "invalidations reach the other gateway's listener", () -> heardByB.size() == 2);
        List<SubjectKey> everywhere = List.of(SubjectKey.everyIssuer("s-1"), SubjectKey.everyIssuer("s-2"));
        List<SubjectKey> scoped = List.of(new SubjectKey("440300", "s-3"));
        assertThat(heardByB).containsExactly(everywhere, scoped);
        assertThat(heardByA).contains(everywhere, scoped);
    }

    @Test
    void directWrites_asDocumentedForIssuerBackEnds_reachTheMirror() throws Exception {
        RedisRevocations store = started();
        String p = redis.prefix();
        var r = redis.redis();

        r.multi();
        r.sadd(p + "revocations:codes", "feedfacecafebeef0011");
        r.xadd(p + "changes", Map.of("type", "code", "id", "feedfacecafebeef0011"));
        r.exec();
        r.multi();
        r.hset(p + "revocations:subjects", "s-direct", "5000");
        r.xadd(p + "changes", Map.of("type", "subject", "subject", "s-direct", "before", "5000"));
        r.exec();
        r.xadd(p + "changes", Map.of("type", "future-kind", "x", "y"));

        Eventually.within(PROPAGATION, "direct writes reach the mirror",
                () -> store.isRevoked(code("feedfacecafebeef0011", "s-1", 1))
                        && store.isRevoked(code("00000000000000000001", "s-direct", 4999)));
        Eventually.within(PROPAGATION, "the unknown entry is counted and skipped",
                () -> registries.get(store).get("hc.revocation.events.unusable").counter().count() == 1);
    }

    @Test
    void revokeCode_badInput_failsWithoutWriting() throws Exception {
        RedisRevocations store = started();
        assertThatThrownBy(() -> await(store.revokeCode(new byte[4]))).hasMessageContaining("not a code id");
        assertThatThrownBy(() -> await(store.revokeSubject(SubjectKey.everyIssuer("s-1"), -5)))
                .hasMessageContaining("not an instant");
        assertThatThrownBy(() -> SubjectKey.everyIssuer("")).hasMessageContaining("not a subject");
        assertThatThrownBy(() -> SubjectKey.of("hz", "s-1")).hasMessageContaining("not an issuer");
        assertThat(redis.redis().exists(redis.prefix() + "changes")).isZero();
    }

    @Test
    void start_noMarkerAndNotRequired_createsTheMarker() throws Exception {
        redis.deleteAll();
        started(Map.of("redis.requireMarker", false));
        assertThat(redis.redis().get(redis.prefix() + "revocations:epoch")).matches("[0-9a-f]{16}");
    }

    @Test
    void start_noMarkerAndRequired_failsNamingTheKey() {
        redis.deleteAll();
        RedisRevocations store = store(Map.of());
        assertThatThrownBy(() -> await(store.start()))
                .hasMessageContaining(redis.prefix() + "revocations:epoch")
                .hasMessageContaining("redis.requireMarker");
    }

    @Test
    void start_redisUnreachable_fails() {
        RedisRevocations store = store(Map.of("redis.uri", "redis://127.0.0.1:1", "redis.connectTimeoutMs", 200));
        assertThatThrownBy(() -> await(store.start())).hasMessageContaining("127.0.0.1");
    }

    @Test
    void keysFlushed_mirrorKeptProblemFlagged_newDataMerged() throws Exception {
        RedisRevocations a = started();
        RedisRevocations b = started();
        var before = code("0000000000000000000000a1", "s-1", 1000);
        await(a.revokeCode(before.codeId()));
        Eventually.within(PROPAGATION, "first revocation propagates", () -> b.isRevoked(before));

        redis.deleteAll(); // what FLUSHALL does to this prefix

        Eventually.within(Duration.ofSeconds(3), "the loss is detected",
                () -> b.state().problem() != null && b.state().problem().contains("lost"));
        assertThat(b.isRevoked(before)).as("the last mirror keeps judging").isTrue();
        assertThat(registries.get(b).get("hc.revocation.store.lost").gauge().value()).isEqualTo(1);
        assertThat(b.state().serving()).isTrue();

        var after = code("0000000000000000000000b2", "s-1", 1000);
        // Writing to a flushed Redis is refused: only an operator starts a new generation.
        assertThatThrownBy(() -> await(a.revokeCode(after.codeId()))).hasMessageContaining("no marker");
        redis.redis().setnx(redis.prefix() + "revocations:epoch", "operator-new-generation");
        await(a.revokeCode(after.codeId()));

        Eventually.within(Duration.ofSeconds(3), "new data is merged",
                () -> b.isRevoked(after) && b.isRevoked(before));
        assertThat(b.state().problem()).contains("lost");
        Eventually.within(Duration.ofSeconds(3), "reloaded for the new generation",
                () -> registries.get(b).find("hc.revocation.resyncs").tag("reason", "generation").counter() != null);
    }

    @Test
    void keysRestored_sameGenerationBack_problemCleared() throws Exception {
        RedisRevocations store = started();
        var revoked = code("0000000000000000000000c1", "s-1", 1000);
        await(store.revokeCode(revoked.codeId()));
        String marker = redis.prefix() + "revocations:epoch";
        String generation = redis.redis().get(marker);
        String counter = redis.redis().get(redis.prefix() + "revocations:counter");

        redis.deleteAll();
        Eventually.within(Duration.ofSeconds(3), "the loss is detected", () -> store.state().problem() != null);
        redis.redis().sadd(redis.prefix() + "revocations:codes", "0000000000000000000000c2");
        redis.redis().set(redis.prefix() + "revocations:counter", counter); // a backup holds the counter too
        redis.redis().set(marker, generation); // a restore from backup brings the generation back

        Eventually.within(Duration.ofSeconds(3), "the problem clears", () -> store.state().problem() == null);
        assertThat(store.state().connected()).isTrue();
        assertThat(store.isRevoked(revoked)).isTrue();
        assertThat(store.isRevoked(code("0000000000000000000000c2", "s-1", 1000))).as("reloaded").isTrue();
        assertThat(registries.get(store).get("hc.revocation.store.lost").gauge().value()).isZero();
    }
}
