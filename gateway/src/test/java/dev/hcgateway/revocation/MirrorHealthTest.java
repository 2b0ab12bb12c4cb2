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
}
