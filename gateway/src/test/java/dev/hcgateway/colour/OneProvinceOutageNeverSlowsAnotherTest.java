package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.Degradation;
import dev.hcgateway.support.FakeStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Guangdong's store hangs while Shanghai's answers: Shanghai's codes keep their latency (p99 within 20 % of the
 * p99 measured with both stores up, in the same test) and are never degraded. The two phases alternate in rounds so
 * that a change of the machine's load weighs on both alike; Shanghai's store answers after 300 ms, so that the
 * margin is wide against scheduling noise and narrow against waiting on Guangdong's pool, breaker or in-flight cap.
 * Meanwhile Guangdong's codes arrive every 5 ms, each a new subject, so that its hanging lookups fill its in-flight
 * cap and its connections for the whole outage.
 */
class OneProvinceOutageNeverSlowsAnotherTest extends ProvincesFixture {

    private static final int ROUNDS = 10;
    private static final int SCANS_PER_ROUND = 20;
    private static final long STORE_LATENCY_MS = 300;

    private final AtomicInteger subjects = new AtomicInteger();

    /** What one round measured: Shanghai's scan latencies and answers, Guangdong's answers. */
    private record Round(List<Long> shNanos, List<ColourAnswer> sh, List<ColourAnswer> gd) {
    }

    @Test
    void guangdongStoreHanging_shanghaiLatencyUnchangedAndNeverDegraded() throws Exception {
        // Room for Shanghai's own lookups (20 in flight at most), which Guangdong's hanging ones fill at once.
        provinces(Map.of("colour.budgetMs", 900, "authority.requestTimeoutMs", 1000, "colour.batchWindowMs", 0,
                "colour.breakerFailures", 1000, "colour.maxInFlightLookups", 32, "authority.maxConnections", 32));
        sh.latencyMs = STORE_LATENCY_MS;
        List<Long> baseline = new ArrayList<>();
        List<Long> outage = new ArrayList<>();
        List<ColourAnswer> shAnswers = new ArrayList<>();
        List<ColourAnswer> gdDuringOutage = new ArrayList<>();

        round(); // warm-up, not counted: class loading, the JIT and the first connections to both stores
        sh.requests.set(0);
        for (int r = 0; r < ROUNDS; r++) {
            boolean hanging = r % 2 == 1;
            gd.mode = hanging ? FakeStore.Mode.HANG : FakeStore.Mode.NORMAL;
            Round round = round();
            (hanging ? outage : baseline).addAll(round.shNanos());
            shAnswers.addAll(round.sh());
            if (hanging) {
                gdDuringOutage.addAll(round.gd());
                // Guangdong's hanging lookups end at their deadline: the next baseline starts without them.
                eventually(() -> registry.get("hc_colour_lookups_in_flight").tag("issuer", GD).gauge().value() == 0);
            }
        }

        assertThat(shAnswers).hasSize(ROUNDS * SCANS_PER_ROUND)
                .allMatch(a -> a.equals(ColourAnswer.of(Colour.GREEN, ColourSource.AUTHORITY)), "Shanghai's word, "
                        + "never degraded");
        assertThat(sh.requests.get()).isEqualTo(ROUNDS * SCANS_PER_ROUND);
        assertThat(gdDuringOutage).as("Guangdong's outage was real: its lookups timed out and filled its cap")
                .anyMatch(a -> a.why() == Degradation.TIMEOUT).anyMatch(a -> a.why() == Degradation.OVERLOADED);
        long p99Baseline = p99(baseline);
        long p99Outage = p99(outage);
        assertThat(p99Outage).as("Shanghai's p99 during Guangdong's outage (%d ms) vs with both up (%d ms)",
                        TimeUnit.NANOSECONDS.toMillis(p99Outage), TimeUnit.NANOSECONDS.toMillis(p99Baseline))
                .isLessThanOrEqualTo((long) (p99Baseline * 1.2));
    }

    /** Scans Shanghai's codes every 15 ms (each its own lookup) while Guangdong's arrive every 5 ms. */
    private Round round() throws Exception {
        Context gdLoop = vertx.getOrCreateContext();
        Context shLoop = vertx.getOrCreateContext();
        List<Future<ColourAnswer>> gdScans = Collections.synchronizedList(new ArrayList<>());
        Promise<Long> periodic = Promise.promise();
        gdLoop.runOnContext(v -> periodic.complete(vertx.setPeriodic(5, id -> gdScans.add(
                colours.colourOf(code(GD, "s-gd-" + subjects.incrementAndGet(), Colour.GREEN), scene("metro"))))));
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        List<ColourAnswer> shAnswers = Collections.synchronizedList(new ArrayList<>());
        Promise<Void> shDone = Promise.promise();
        shLoop.runOnContext(v -> scanShanghai(0, nanos, shAnswers, shDone));
        await(shDone.future());
        long timer = await(periodic.future());
        vertx.cancelTimer(timer);
        List<ColourAnswer> gdAnswers = new ArrayList<>();
        for (Future<ColourAnswer> scan : List.copyOf(gdScans)) {
            gdAnswers.add(await(scan));
        }
        return new Round(List.copyOf(nanos), List.copyOf(shAnswers), gdAnswers);
    }

    private void scanShanghai(int i, List<Long> nanos, List<ColourAnswer> answers, Promise<Void> done) {
        String subject = "s-sh-" + subjects.incrementAndGet();
        sh.colours.put(subject, "green");
        long start = System.nanoTime();
        colours.colourOf(code(SH, subject, Colour.GREEN), scene("metro"))
                .onComplete(ar -> {
                    nanos.add(System.nanoTime() - start);
                    answers.add(ar.result());
                    if (answers.size() == SCANS_PER_ROUND) {
                        done.complete();
                    }
                });
        if (i + 1 < SCANS_PER_ROUND) {
            vertx.setTimer(15, id -> scanShanghai(i + 1, nanos, answers, done));
        }
    }

    /** Returns the 99th percentile (nearest rank): of 100 samples, the second largest. */
    private static long p99(List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
    }
}
