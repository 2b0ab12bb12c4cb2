package dev.hcgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.support.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirrorHealthTest {

    private final MutableClock clock = new MutableClock(1_795_300_000L);

    private MirrorHealth health(Map<String, Object> more) {
        var overrides = new java.util.HashMap<String, Object>(Map.of("redis.uri", "redis://127.0.0.1:6379",
                "redis.streamBlockMs", 1000, "redis.commandTimeoutMs", 500, "redis.maxStalenessSeconds", 60));
        overrides.putAll(more);
        return new MirrorHealth(clock, new ConfigLoader().defaultsWith(overrides).redis());
    }

    @Test
    void lag_blockingReadOutstandingAfterCatchingUp_zeroWithinTheReadsWindow() {
        MirrorHealth h = health(Map.of());
        h.contact();
        h.readStarted(true);
        clock.advanceMillis(1400);
        assertThat(h.lagMillis()).isZero();
        clock.advanceMillis(200); // past block + command timeout: the read should have come back by now
        assertThat(h.lagMillis()).isEqualTo(1600);
    }

    @Test
    void lag_afterFullBatch_countsFromLastConfirmation() {
        MirrorHealth h = health(Map.of());
        h.contact();
        h.confirmed(clock.millis());
        clock.advanceMillis(300);
        h.readStarted(false); // behind: more entries wait
        clock.advanceMillis(200);
        assertThat(h.lagMillis()).isEqualTo(500);
        h.readEnded(true);
        assertThat(h.lagMillis()).isZero();
    }

    @Test
    void state_outageShortThenPastLimit_reportedThenStale() {
        MirrorHealth h = health(Map.of());
        h.contact();
        h.readStarted(true);
        h.readEnded(false);
        h.noContact();
        clock.advanceSeconds(30);
        MirrorState shortOutage = h.state(3);
        assertThat(shortOutage.connected()).isFalse();
        assertThat(shortOutage.serving()).isTrue();
        assertThat(shortOutage.problem()).startsWith("Redis unreachable for 30 s");
        clock.advanceSeconds(31);
        MirrorState stale = h.state(3);
        assertThat(stale.problem()).startsWith("revocation mirror stale: 61 s");
        assertThat(stale.serving()).isTrue();
        assertThat(stale.entries()).isEqualTo(3);
        assertThat(h.contact()).as("contact ends the outage").isTrue();
    }

    @Test
    void state_staleWithOnStaleUnready_notServing() {
        MirrorHealth h = health(Map.of("redis.onStale", "unready"));
        h.confirmed(clock.millis());
        h.noContact();
        clock.advanceSeconds(61);
        assertThat(h.state(0).serving()).isFalse();
    }

    @Test
    void state_neverLoaded_notServingAndItsLagCountsFromStart() {
        MirrorHealth h = health(Map.of());
        clock.advanceSeconds(40);
        MirrorState unloaded = h.state(0);
        assertThat(unloaded.serving()).isFalse();
        assertThat(h.serving()).isFalse();
        assertThat(unloaded.freshness()).isEqualTo(MirrorState.Freshness.UNLOADED);
        assertThat(unloaded.loadedFrom()).isNull();
        assertThat(unloaded.lagMillis()).as("not 0: it has known nothing for 40 s").isEqualTo(40_000);
        assertThat(unloaded.problem()).startsWith("revocation mirror not loaded (loading from Redis)")
                .doesNotContain("unreachable for 0 s");
    }

    @Test
    void state_markerMissing_connectedAndSaysWhy() {
        MirrorHealth h = health(Map.of());
        h.contact();
        h.loadFailed("Redis key hc:revocations:epoch is missing");
        MirrorState state = h.state(0);
        assertThat(state.connected()).isTrue();
        assertThat(state.serving()).isFalse();
        assertThat(state.problem()).contains("hc:revocations:epoch is missing").doesNotContain("unreachable");
    }

    @Test
    void state_loadedFromDisk_staleButServingUntilTheHardBound() {
        MirrorHealth h = health(Map.of("redis.maxStaleSeconds", 3600));
        h.noContact();
        h.loadedFromDisk(clock.millis() - 120_000);
        MirrorState fromDisk = h.state(5);
        assertThat(fromDisk.serving()).isTrue();
        assertThat(fromDisk.freshness()).isEqualTo(MirrorState.Freshness.STALE);
        assertThat(fromDisk.loadedFrom()).isEqualTo("disk");
        assertThat(fromDisk.lagMillis()).isEqualTo(120_000);
        assertThat(fromDisk.problem()).startsWith("judging from the on-disk mirror confirmed 120 s ago");

        clock.advanceSeconds(3600 - 120 + 1);
        assertThat(h.serving()).as("past redis.maxStaleSeconds").isFalse();
        assertThat(h.state(5).problem()).contains("past redis.maxStaleSeconds (3600 s)");

        h.contact();
        h.readStarted(true);
        assertThat(h.serving()).as("caught up from Redis").isTrue();
        assertThat(h.freshness()).isEqualTo(MirrorState.Freshness.LIVE);
        assertThat(h.state(5).loadedFrom()).isEqualTo("redis");
    }

    @Test
    void serving_redisAwayPastTheHardBound_notServingEvenWithOnStaleServe() {
        MirrorHealth h = health(Map.of("redis.maxStaleSeconds", 600));
        h.contact();
        h.confirmed(clock.millis());
        h.noContact();
        clock.advanceSeconds(600);
        assertThat(h.serving()).isTrue();
        assertThat(h.freshness()).isEqualTo(MirrorState.Freshness.STALE);
        clock.advanceSeconds(1);
        assertThat(h.serving()).isFalse();
        assertThat(h.state(0).serving()).isFalse();
    }
}
