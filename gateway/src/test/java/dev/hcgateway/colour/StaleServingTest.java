package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cached colour past its TTL stands in (degraded, source cache) while the store is down, up to a bound. */
class StaleServingTest extends ColourFixture {

    @Test
    void colourOf_ttlPassedStoreErroring_staleCacheServedDegradedUntilBound() throws Exception {
        online(Map.of("colour.maxStaleSeconds", 300));
        store.colours.put("s-1", "green");
        store.ttlSeconds = 60L;
        scan(code("s-1", Colour.YELLOW));
        store.status = 500;

        clock.advanceSeconds(60);
        ColourAnswer stale = scan(code("s-1", Colour.YELLOW));
        clock.advanceSeconds(299);
        ColourAnswer stillStale = scan(code("s-1", Colour.YELLOW));
        clock.advanceSeconds(1);
        ColourAnswer past = scan(code("s-1", Colour.YELLOW));

        assertThat(stale).isEqualTo(ColourAnswer.degraded(Colour.GREEN, ColourSource.CACHE, Degradation.STORE_STATUS));
        assertThat(stillStale.source()).isEqualTo(ColourSource.CACHE);
        assertThat(past.source()).as("past maxStale the snapshot decides").isEqualTo(ColourSource.CODE);
        assertThat(past.colour()).isEqualTo(Colour.YELLOW);
        assertThat(counter("hc_colour_degraded", "kind", "subject", "why", "store_status", "source", "cache"))
                .isEqualTo(2);
    }

    @Test
    void colourOf_snapshotNewerThanStaleCache_snapshotDecides() throws Exception {
        online();
        store.colours.put("s-1", "green");
        store.asOf = NOW - 3600;
        scan(code("s-1", Colour.YELLOW, NOW - 600));
        store.status = 500;
        clock.advanceSeconds(61);

        assertThat(scan(code("s-1", Colour.YELLOW, NOW - 600)))
                .isEqualTo(ColourAnswer.degraded(Colour.YELLOW, ColourSource.CODE, Degradation.STORE_STATUS));
        assertThat(scan(code("s-1", Colour.YELLOW, NOW - 7200)))
                .as("an older snapshot yields to the cached colour")
                .isEqualTo(ColourAnswer.degraded(Colour.GREEN, ColourSource.CACHE, Degradation.STORE_STATUS));
    }

    @Test
    void colourOf_staleCacheStoreAnswersAgain_freshWordReplacesIt() throws Exception {
        online();
        store.colours.put("s-1", "green");
        scan(code("s-1", Colour.GREEN));
        store.colours.put("s-1", "yellow");
        clock.advanceSeconds(61);

        assertThat(scan(code("s-1", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.YELLOW, ColourSource.AUTHORITY));
    }
}
