package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** invalidateLocal drops cached colours, and a lookup in flight cannot bring a pre-invalidation colour back. */
class InvalidationTest extends ColourFixture {

    @Test
    void invalidateLocal_cachedSubject_nextScanAsksStore() throws Exception {
        online();
        store.colours.put("s-1", "green");
        scan(code("s-1", Colour.GREEN));
        store.colours.put("s-1", "red");
        assertThat(scan(code("s-1", Colour.GREEN)).colour()).as("cached until told").isEqualTo(Colour.GREEN);

        colours.invalidateLocal(everywhere("s-1"));

        assertThat(scan(code("s-1", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.RED, ColourSource.AUTHORITY));
    }

    @Test
    void invalidateLocal_otherSubject_cacheKept() throws Exception {
        online();
        store.colours.put("s-1", "green");
        scan(code("s-1", Colour.GREEN));

        colours.invalidateLocal(everywhere("s-2"));

        assertThat(scan(code("s-1", Colour.GREEN)).source()).isEqualTo(ColourSource.CACHE);
        assertThat(store.requests.get()).isEqualTo(1);
    }

    @Test
    void invalidateLocal_whileLookupInFlight_resultAnswersButIsNotCached() throws Exception {
        online();
        store.colours.put("s-1", "green");
        store.latencyMs = 300;
        Future<ColourAnswer> inFlight = colours.colourOf(code("s-1", Colour.GREEN), scene("metro"));
        eventually(() -> store.requests.get() == 1);

        colours.invalidateLocal(everywhere("s-1"));
        store.colours.put("s-1", "red");
        store.latencyMs = 0;

        assertThat(await(inFlight).colour()).as("the scan concurrent with the change").isEqualTo(Colour.GREEN);
        assertThat(scan(code("s-1", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.RED, ColourSource.AUTHORITY));
        assertThat(store.requests.get()).isEqualTo(2);
    }

    @Test
    void invalidateLocal_staleStandIn_notServedWhileStoreDown() throws Exception {
        online();
        store.colours.put("s-1", "green");
        scan(code("s-1", Colour.YELLOW));
        store.status = 500;
        clock.advanceSeconds(61);

        colours.invalidateLocal(everywhere("s-1"));

        assertThat(scan(code("s-1", Colour.YELLOW)))
                .isEqualTo(ColourAnswer.degraded(Colour.YELLOW, ColourSource.CODE, Degradation.STORE_STATUS));
    }

    @Test
    void invalidateLocal_racingScansOnManyLoops_lastColourAlwaysWins() throws Exception {
        online(Map.of("colour.batchWindowMs", 1));
        String[] sequence = {"green", "yellow", "orange", "red"};
        for (int round = 0; round < 20; round++) {
            String before = sequence[round % 4];
            String after = sequence[(round + 1) % 4];
            store.colours.put("s-race", before);
            colours.invalidateLocal(everywhere("s-race"));
            List<Future<ColourAnswer>> scans = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                if (i == 10) {
                    store.colours.put("s-race", after); // the store changes, then tells every gateway
                    colours.invalidateLocal(everywhere("s-race"));
                }
                var context = vertx.getOrCreateContext();
                io.vertx.core.Promise<ColourAnswer> p = io.vertx.core.Promise.promise();
                context.runOnContext(v -> colours.colourOf(code("s-race", Colour.GREEN), scene("metro"))
                        .onComplete(p));
                scans.add(p.future());
            }
            for (var f : scans) {
                await(f);
            }

            assertThat(scan(code("s-race", Colour.GREEN)).colour()).as("round " + round)
                    .isEqualTo(Colour.ofWire(after));
        }
    }
}
