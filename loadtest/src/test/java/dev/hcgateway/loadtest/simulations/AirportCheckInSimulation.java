package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import dev.hcgateway.issuer.QrImages;
import dev.hcgateway.loadtest.pool.PoolEntry;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * An airport terminal: check-in desks verify groups of 1..{@code hc.batch.max} codes in one call
 * ({@code POST /v1/verify/batch}), kiosks upload QR photos ({@code POST /v1/verify/image}, PNGs rendered by
 * {@link QrImages}), and boarding gates scan one code at a time. Every result is judged against the airport
 * scene (yellow is manual there).
 *
 * <p>Defaults: desks 20 batches/s, kiosks 5 images/s, gates 50 scans/s, ramp 20 s, hold 120 s, 200 images.
 */
public class AirportCheckInSimulation extends Simulation {

    private final Stack stack;

    public AirportCheckInSimulation() throws Exception {
        Duration ramp = LoadParams.seconds("hc.rampSeconds", 20);
        Duration hold = LoadParams.seconds("hc.holdSeconds", 120);
        double desks = LoadParams.decimal("hc.batch.rate", 20);
        double kiosks = LoadParams.decimal("hc.image.rate", 5);
        double gates = LoadParams.rate(50);
        LoadParams.announce("AirportCheckIn", gates + desks + kiosks, ramp.plus(hold));
        stack = Stack.start(20_000);
        Expectations expectations = new Expectations();
        CodeFeeder feeder = new CodeFeeder(stack.pool(), stack.generator(),
                CodeFeeder.SceneMix.parse("airport", expectations));
        Judge judge = Judge.byPolicy(expectations, false);
        setUp(
                Journeys.checkInDesks(feeder.batches(LoadParams.integer("hc.batch.max", 50), "airport"), judge)
                        .injectOpen(rampUsersPerSec(1).to(desks).during(ramp), constantUsersPerSec(desks).during(hold)),
                Journeys.kiosks(images(feeder, LoadParams.integer("hc.image.count", 200)), judge)
                        .injectOpen(rampUsersPerSec(1).to(kiosks).during(ramp), constantUsersPerSec(kiosks).during(hold)),
                Journeys.turnstileScans(feeder, judge)
                        .injectOpen(rampUsersPerSec(1).to(gates).during(ramp), constantUsersPerSec(gates).during(hold)))
                .protocols(Endpoints.protocol(stack.gatewayUrl()))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("verify batch").responseTime().percentile(99.0)
                                .lt(LoadParams.integer("hc.batch.p99Ms", 1000)),
                        details("verify image").responseTime().percentile(99.0)
                                .lt(LoadParams.integer("hc.image.p99Ms", 1000)));
    }

    /** Renders {@code count} pooled codes as QR PNGs up front (in parallel), then feeds them round and round. */
    static Supplier<Iterator<Map<String, Object>>> images(CodeFeeder feeder, int count) {
        List<PoolEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(feeder.nextEntry());
        }
        List<byte[]> pngs = IntStream.range(0, count).parallel()
                .mapToObj(i -> QrImages.encode(QrImages.render(entries.get(i).code(), 400), "png")).toList();
        return () -> new Iterator<>() {
            private int next = ThreadLocalRandom.current().nextInt(count);

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                int i = next++ % count;
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("entry", entries.get(i));
                record.put("png", pngs.get(i));
                record.put("scene", "airport");
                record.put("kiosk", Integer.toString(i % 20));
                return record;
            }
        };
    }

    @Override
    public void after() {
        stack.close();
    }
}
