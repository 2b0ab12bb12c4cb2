package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Coalescing, batching, the in-flight cap and the rate limit: what the store sees under bursts. */
class StoreProtectionTest extends ColourFixture {

    /** Fires {@code count} scans spread over {@code loops} event loops, as the HTTP servers would. */
    private List<Future<ColourAnswer>> burst(int count, int loops, IntFunction<String> subject) throws Exception {
        List<Future<List<Future<ColourAnswer>>>> perLoop = new ArrayList<>();
        for (int l = 0; l < loops; l++) {
            int loop = l;
            Context context = vertx.getOrCreateContext();
            Promise<List<Future<ColourAnswer>>> fired = Promise.promise();
            context.runOnContext(v -> {
                List<Future<ColourAnswer>> scans = new ArrayList<>();
                for (int i = loop; i < count; i += loops) {
                    scans.add(colours.colourOf(code(subject.apply(i), Colour.YELLOW), scene("metro")));
                }
                fired.complete(scans);
            });
            perLoop.add(fired.future());
        }
        List<Future<ColourAnswer>> all = new ArrayList<>();
        for (var f : perLoop) {
            all.addAll(await(f));
        }
        return all;
    }

    private static List<ColourAnswer> awaitAll(List<Future<ColourAnswer>> scans) throws Exception {
        List<ColourAnswer> out = new ArrayList<>();
        for (var f : scans) {
            out.add(await(f));
        }
        return out;
    }

    @Test
    void colourOf_fiftyConcurrentScansOfOneNewSubject_oneLookup() throws Exception {
        online();
        store.colours.put("s-1", "green");
        store.latencyMs = 50;

        List<ColourAnswer> answers = awaitAll(burst(50, 4, i -> "s-1"));

        assertThat(answers).allMatch(a -> a.equals(ColourAnswer.of(Colour.GREEN, ColourSource.AUTHORITY)));
        assertThat(store.requests.get()).isEqualTo(1);
        assertThat(store.batchSizes).containsExactly(1);
        assertThat(counter("hc_colour_loads", "kind", "subject", "result", "coalesced")).isEqualTo(49);
    }

    @Test
    void colourOf_thousandDistinctMissesInOneBurst_batchesOfAtMost200WithinInFlightCap() throws Exception {
        online(Map.of("colour.batchWindowMs", 20, "colour.maxInFlightLookups", 8));
        for (int i = 0; i < 1000; i++) {
            store.colours.put("s-" + i, "green");
        }
        store.latencyMs = 20;

        List<ColourAnswer> answers = awaitAll(burst(1000, 2, i -> "s-" + i));

        assertThat(answers).hasSize(1000)
                .allMatch(a -> a.equals(ColourAnswer.of(Colour.GREEN, ColourSource.AUTHORITY)));
        assertThat(store.batchSizes).allMatch(size -> size <= 200);
        assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        assertThat(store.requests.get()).isBetween(5, 50);
        assertThat(store.maxInFlight.get()).isLessThanOrEqualTo(8);
        var sizes = registry.get("hc_colour_batch_size").tag("kind", "subject").summary();
        assertThat(sizes.count()).isEqualTo(store.requests.get());
        assertThat(sizes.totalAmount()).isEqualTo(1000);
    }

    @Test
    void colourOf_burstPastInFlightCap_excessDegradesAtOnceWithoutQueueing() throws Exception {
        online(Map.of("colour.maxInFlightLookups", 2, "colour.maxBatch", 10, "colour.batchWindowMs", 50));
        store.latencyMs = 500;

        List<Future<ColourAnswer>> scans = burst(100, 1, i -> "s-" + i);
        long refusedAtOnce = scans.stream().filter(Future::isComplete).count();
        List<ColourAnswer> answers = awaitAll(scans);

        assertThat(refusedAtOnce).as("refused scans are answered before the store answers anything").isEqualTo(80);
        assertThat(answers.stream().filter(a -> a.why() == Degradation.OVERLOADED)).hasSize(80)
                .allMatch(a -> a.colour() == Colour.YELLOW && a.source() == ColourSource.CODE);
        assertThat(store.maxInFlight.get()).isLessThanOrEqualTo(2);
        assertThat(store.requests.get()).isEqualTo(2);
    }

    @Test
    void colourOf_burstPastLookupRate_excessDegradesUntilClockRefills() throws Exception {
        online(Map.of("colour.maxLookupsPerSecond", 100));

        List<ColourAnswer> first = awaitAll(burst(150, 1, i -> "s-" + i));
        clock.advanceSeconds(1);
        List<ColourAnswer> retried = awaitAll(burst(150, 1, i -> "s-" + i));

        assertThat(first.stream().filter(a -> a.source() == ColourSource.AUTHORITY)).hasSize(100);
        assertThat(first.stream().filter(a -> a.why() == Degradation.RATE_LIMITED)).hasSize(50);
        assertThat(retried.stream().filter(a -> a.source() == ColourSource.CACHE)).hasSize(100);
        assertThat(retried.stream().filter(a -> a.source() == ColourSource.AUTHORITY)).hasSize(50);
        assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(150);
    }

    @Test
    void invalidateLocal_massInvalidation_storeSeesOnlyTheLookupRate() throws Exception {
        online(Map.of("colour.maxLookupsPerSecond", 50));
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            subjects.add("s-" + i);
        }
        awaitAll(burst(50, 1, subjects::get));
        clock.advanceSeconds(1);

        colours.invalidateLocal(everywhere(subjects.toArray(String[]::new)));
        List<ColourAnswer> storm = awaitAll(burst(200, 2, i -> "s-" + i));

        assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(storm.stream().filter(a -> a.why() == Degradation.RATE_LIMITED)).hasSize(150);
    }
}
