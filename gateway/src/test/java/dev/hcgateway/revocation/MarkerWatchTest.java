package dev.hcgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarkerWatchTest {

    private MirrorHealth health;
    private MarkerWatch watch;

    @BeforeEach
    void setUp() {
        health = new MirrorHealth(Clock.systemUTC(),
                new ConfigLoader().defaultsWith(Map.of("redis.uri", "redis://127.0.0.1:6379")).redis());
        watch = new MarkerWatch("hc:revocations:epoch", health, "fresh");
        watch.loaded("g1");
    }

    @Test
    void check_sameGeneration_nothingToDo() {
        assertThat(watch.check("g1")).isNull();
        assertThat(health.isStoreLost()).isFalse();
    }

    @Test
    void check_markerGone_lostAndNoReload() {
        assertThat(watch.check(null)).isNull();
        assertThat(health.isStoreLost()).isTrue();
    }

    @Test
    void check_newGeneration_lostAndReloadedOnceConfirmed() {
        assertThat(watch.check(null)).isNull();
        assertThat(watch.check("g2")).isEqualTo("generation");
        assertThat(watch.check("g2")).as("asked again until the reload is done").isEqualTo("generation");
        watch.reloaded("generation");
        assertThat(watch.check("g2")).isNull();
        assertThat(health.isStoreLost()).as("new data does not bring back what was lost").isTrue();
    }

    @Test
    void check_loadedGenerationBack_reloadThenCleared() {
        watch.check("g2");
        watch.reloaded("generation");
        assertThat(watch.check("g1")).isEqualTo("restored");
        assertThat(health.isStoreLost()).as("cleared only after the reload").isTrue();
        watch.reloaded("restored");
        assertThat(health.isStoreLost()).isFalse();
        assertThat(watch.check("g1")).isNull();
    }
}
