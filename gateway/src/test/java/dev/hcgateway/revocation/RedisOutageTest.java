package dev.hcgateway.revocation;

import static dev.hcgateway.revocation.MirrorTest.code;
import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.RedisFixture;
import dev.hcgateway.support.RedisServerProcess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Redis stopped, restarted, emptied and trimmed under a running store: a private redis-server per test. */
@ExtendWith(VertxExtension.class)
class RedisOutageTest {

    private static final String PREFIX = "hc:";
    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Vertx vertx;
    private RedisServerProcess server;
    private RedisServerProcess stand_in;
    private RedisRevocations store;
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        server = new RedisServerProcess(dir).start();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (store != null) {
                await(store.close());
            }
        } finally {
            server.close();
            if (stand_in != null) {
                stand_in.close();
            }
        }
    }

    private RedisRevocations started(Clock clock, Map<String, Object> more) throws Exception {
        Map<String, Object> overrides = new HashMap<>(Map.of("redis.uri", server.uri(), "redis.keyPrefix", PREFIX,
                "redis.reconnectMaxDelayMs", 300, "redis.streamBlockMs", 300, "redis.connectTimeoutMs", 300));
        overrides.putAll(more);
        try (RedisFixture direct = new RedisFixture(server.uri(), PREFIX, false)) {
            direct.initStore();
        }
        store = new RedisRevocations(vertx, new ConfigLoader().defaultsWith(overrides).redis(), clock, registry);
        await(store.start());
        return store;
    }

    private static void writeDirectly(String uri, String idHex) {
        try (RedisFixture direct = new RedisFixture(uri, PREFIX, false)) {
            var r = direct.redis();
            r.multi();
            r.setnx(PREFIX + "revocations:epoch", "issuer-backend-1");
            r.sadd(PREFIX + "revocations:codes", idHex);
            r.xadd(PREFIX + "changes", Map.of("type", "code", "id", idHex));
            r.exec();
        }
    }


    @Test
    void redisStopped_mirrorKeepsJudging_catchesUpAfterRestartLosingNothing() throws Exception {
        started(Clock.systemUTC(), Map.of());
        var before = code("aaaaaaaaaaaaaaaaaaaaaa01", "s-1", 1000);
        await(store.revokeCode(before.codeId()));

        server.stopSaving();

        Eventually.within(Duration.ofSeconds(3), "the outage is noticed", () -> !store.state().connected());
        assertThat(store.isRevoked(before)).isTrue();
        assertThat(store.state().serving()).isTrue();
        assertThat(store.state().problem()).contains("unreachable");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> await(store.revokeCode(HexFormat.of().parseHex("aaaaaaaaaaaaaaaaaaaaaa02"))));
        assertThat((System.nanoTime() - t0) / 1_000_000).as("refused at once, not queued").isLessThan(1000);

        server.start();
        String during = "aaaaaaaaaaaaaaaaaaaaaa03";
        writeDirectly(server.uri(), during);

        Eventually.within(CATCH_UP, "the gateway catches up", () -> store.isRevoked(code(during, "s-1", 1000)));
        assertThat(store.isRevoked(before)).isTrue();
        Eventually.within(CATCH_UP, "in step again", () -> store.state().connected() && store.state().problem() == null);
        assertThat(registry.find("hc.revocation.resyncs").tag("reason", "gap").counter())
                .as("resumed from the stream, no reload").isNull();
    }

    @Test
    void redisRestartedEmpty_lossFlagged_mirrorKeptAndNewDataMerged() throws Exception {
        started(Clock.systemUTC(), Map.of());
        var before = code("bbbbbbbbbbbbbbbbbbbbbb01", "s-1", 1000);
        await(store.revokeCode(before.codeId()));

        server.stopLosingData();
        server.start();

        Eventually.within(CATCH_UP, "the loss is detected",
                () -> store.state().problem() != null && store.state().problem().contains("lost"));
        assertThat(store.isRevoked(before)).as("an empty Redis does not mean nothing is revoked").isTrue();
        assertThat(registry.get("hc.revocation.store.lost").gauge().value()).isEqualTo(1);

        String after = "bbbbbbbbbbbbbbbbbbbbbb02";
        writeDirectly(server.uri(), after);

        Eventually.within(CATCH_UP, "new data merged", () -> store.isRevoked(code(after, "s-1", 1000)));
        assertThat(store.isRevoked(before)).isTrue();
        assertThat(store.state().problem()).contains("lost");
    }

    @Test
    void streamTrimmedWhileAway_gapDetected_setReloaded() throws Exception {
        started(Clock.systemUTC(), Map.of());
        await(store.revokeCode(HexFormat.of().parseHex("cccccccccccccccccccccc01")));
        server.stopSaving();

        // Meanwhile (same data, another port the gateway does not know) a change lands and the stream is trimmed
        // past it, as MAXLEN does when more changes than redis.streamMaxLength happen while a gateway is away.
        stand_in = new RedisServerProcess(dir, RedisServerProcess.freePort()).start();
        String missed = "cccccccccccccccccccccc02";
        writeDirectly(stand_in.uri(), missed);
        try (RedisFixture direct = new RedisFixture(stand_in.uri(), PREFIX, false)) {
            direct.redis().xtrim(PREFIX + "changes", 0);
        }
        stand_in.stopSaving();
        server.start();

        Eventually.within(CATCH_UP, "the trimmed change is still applied",
                () -> store.isRevoked(code(missed, "s-1", 1000)));
        assertThat(registry.get("hc.revocation.resyncs").tag("reason", "gap").counter().count()).isEqualTo(1);
        assertThat(store.isRevoked(code("cccccccccccccccccccccc01", "s-1", 1000))).isTrue();
    }

    @Test
    void redisDownPastMaxStaleness_staleFlaggedStillServing_clearedOnReturn() throws Exception {
        MutableClock clock = new MutableClock(1_795_300_000L);
        started(clock, Map.of("redis.maxStalenessSeconds", 600));
        var revoked = code("dddddddddddddddddddddd01", "s-1", 1000);
        await(store.revokeCode(revoked.codeId()));
        server.stopSaving();
        Eventually.within(Duration.ofSeconds(3), "the outage is noticed", () -> !store.state().connected());

        clock.advanceSeconds(599);
        assertThat(store.state().problem()).doesNotContain("stale");
        assertThat(registry.get("hc.revocation.mirror.stale").gauge().value()).isZero();
        clock.advanceSeconds(2);

        assertThat(store.state().problem()).contains("stale");
        assertThat(store.state().lagMillis()).isGreaterThanOrEqualTo(601_000);
        assertThat(store.state().serving()).as("onStale=serve keeps the gates flowing").isTrue();
        assertThat(registry.get("hc.revocation.mirror.stale").gauge().value()).isEqualTo(1);
        assertThat(registry.get("hc.revocation.mirror.lag").gauge().value()).isGreaterThanOrEqualTo(601);
        assertThat(store.isRevoked(revoked)).isTrue();

        server.start();
        Eventually.within(CATCH_UP, "in step again",
                () -> store.state().connected() && store.state().lagMillis() == 0 && store.state().problem() == null);
    }

    @Test
    void redisDownPastMaxStaleness_onStaleUnready_notServingUntilBack() throws Exception {
        MutableClock clock = new MutableClock(1_795_300_000L);
        started(clock, Map.of("redis.maxStalenessSeconds", 60, "redis.onStale", "unready"));
        server.stopSaving();
        Eventually.within(Duration.ofSeconds(3), "the outage is noticed", () -> !store.state().connected());
        assertThat(store.state().serving()).as("a short outage does not fail readiness").isTrue();

        clock.advanceSeconds(61);
        assertThat(store.state().serving()).isFalse();

        server.start();
        Eventually.within(CATCH_UP, "serving again", () -> store.state().serving());
    }
}
