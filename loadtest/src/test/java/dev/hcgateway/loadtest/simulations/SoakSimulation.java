package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Long steady load: {@code hc.rate} scans a second for {@code hc.holdSeconds}, while a watcher samples the
 * gateway's heap from {@code /metrics} every {@code hc.soak.sampleSeconds}. The run fails when any answer is
 * wrong, or when the heap's floor grew by more than {@code hc.soak.maxGrowthMb} from the first to the last third
 * of the run (see {@link MemoryTrend}). Pooled codes are re-minted as they age, so any scene mix works.
 *
 * <p>Against an in-process gateway the heap is shared with Gatling; point {@code hc.gatewayUrl} at a gateway of
 * its own for a clean reading. Defaults: 100/s for 30 minutes, samples every 10 s, growth at most 32 MiB.
 */
public class SoakSimulation extends Simulation {

    private final Stack stack;

    public SoakSimulation() throws Exception {
        double rate = LoadParams.rate(100);
        Duration hold = LoadParams.seconds("hc.holdSeconds", 1800);
        LoadParams.announce("Soak", rate, hold);
        stack = Stack.start(50_000);
        Expectations expectations = new Expectations();
        CodeFeeder feeder = new CodeFeeder(stack.pool(), stack.generator(),
                CodeFeeder.SceneMix.parse(LoadParams.string("hc.scenes", "metro=50,rail=20,airport=15,venue=15"),
                        expectations));
        Duration every = LoadParams.seconds("hc.soak.sampleSeconds", 10);
        MemoryTrend trend = new MemoryTrend(LoadParams.integer("hc.soak.maxGrowthMb", 32) * 1024L * 1024L);
        setUp(
                Journeys.turnstileScans(feeder, Judge.byPolicy(expectations, false))
                        .injectOpen(constantUsersPerSec(rate).during(hold)),
                Journeys.memoryWatch(trend, hold, every).injectOpen(atOnceUsers(1)))
                .protocols(Endpoints.protocol(stack.gatewayUrl()))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("memory verdict").successfulRequests().count().is(1L),
                        global().responseTime().percentile(99.0).lt(LoadParams.integer("hc.p99Ms", 250)));
    }

    @Override
    public void after() {
        stack.close();
    }
}
