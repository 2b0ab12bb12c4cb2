package dev.hcgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.support.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change counter only rises: any step back is a rollback, flagged until an operator clears it. */
class RollbackWatchTest {

    private final MutableClock clock = new MutableClock(1_795_300_000L);
    private final MirrorHealth health = new MirrorHealth(clock,
            new ConfigLoader().defaultsWith(Map.of("redis.uri", "redis://127.0.0.1:1/0")).redis());
    private final RollbackWatch watch = new RollbackWatch(health, clock);

    @Test
    void counterRising_neverFlagged_entriesWithoutCounterIgnored() {
        watch.loading(3, true);
        watch.entry("4");
        watch.entry(null);
        watch.entry("not a number");
        watch.entry("5");
        watch.stored("5");
        assertThat(health.isStoreLost()).isFalse();
        assertThat(watch.toReport()).isNull();
        assertThat(watch.takeReloadDue()).isFalse();
    }

    @Test
    void storedCounterBelowSeen_flaggedOnceReportedAndReloaded() {
        watch.loading(3, true);
        watch.entry("4");
        watch.stored("2");

        assertThat(health.isStoreLost()).isTrue();
        assertThat(watch.toReport()).contains("counter 2").contains("below 4");
        assertThat(watch.takeReloadDue()).isTrue();
        assertThat(watch.takeReloadDue()).as("once per finding").isFalse();
        watch.stored("2");
        assertThat(watch.takeReloadDue()).as("the count goes on from the older copy").isFalse();
    }

    @Test
    void entryCounterRepeated_flagged() {
        watch.loading(0, true);
        watch.entry("1");
        watch.entry("2");
        watch.entry("2");
        assertThat(health.isStoreLost()).isTrue();
    }

    @Test
    void lostKeyPresent_flaggedOnAnyGateway_clearedWhenTheOperatorDeletesIt() {
        watch.lostKey("Redis holds change counter 1, below 2 seen before");
        assertThat(health.isStoreLost()).isTrue();
        assertThat(health.state(0).problem()).contains("rolled back");

        watch.lostKey(null);
        assertThat(health.isStoreLost()).isFalse();
    }

    @Test
    void ownFindingNotYetWritten_notClearedByTheAbsentKey() {
        watch.loading(5, true);
        watch.stored("1");
        watch.lostKey(null);
        assertThat(health.isStoreLost()).isTrue();
        watch.reported();
        watch.lostKey("the finding");
        assertThat(health.isStoreLost()).isTrue();
    }
}
