package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The authoritative store goes down mid-peak ({@code hc.outage.fault}: refuse connections, 503 + Retry-After,
 * hang, 500s, or slow) from {@code hc.outage.fromSeconds} to {@code hc.outage.toSeconds}, then recovers. The
 * gateway must keep answering within budget from the signed snapshot or the scene's fallback, and never let a
 * code pass that should not: every answer is judged (a red, yellow, expired, forged or garbage code that gets
 * {@code pass} fails the run), and every answer must come within {@code hc.budgetMs}.
 *
 * <p>Defaults: 20 -> 200/s over 30 s, hold 150 s, store refusing connections from 60 s to 120 s, budget 500 ms.
 */
public class AuthorityOutageSimulation extends Simulation {

    private final Stack stack;

    public AuthorityOutageSimulation() throws Exception {
        double peak = LoadParams.rate(200);
        Duration ramp = LoadParams.seconds("hc.rampSeconds", 30);
        Duration hold = LoadParams.seconds("hc.holdSeconds", 150);
        LoadParams.announce("AuthorityOutage", peak, ramp.plus(hold));
        stack = Stack.start(20_000);
        if (stack.storeControlUrl() == null) {
            stack.close();
            throw new IllegalStateException("the outage needs a store to bring down: run in-process with "
                    + "-Dhc.authority=simulator, or set -Dhc.authority.control to a standalone simulator");
        }
        Expectations expectations = new Expectations();
        CodeFeeder feeder = new CodeFeeder(stack.pool(), stack.generator(),
                CodeFeeder.SceneMix.parse(LoadParams.string("hc.scenes", "metro=50,rail=20,airport=20,venue=10"),
                        expectations));
        Duration from = LoadParams.seconds("hc.outage.fromSeconds", 60);
        Duration to = LoadParams.seconds("hc.outage.toSeconds", 120);
        String fault = LoadParams.string("hc.outage.fault", "refuse");
        int budget = LoadParams.integer("hc.budgetMs", 500);
        setUp(
                Journeys.turnstileScans(feeder, Judge.byPolicy(expectations, true)).injectOpen(
                        rampUsersPerSec(LoadParams.decimal("hc.baseRate", Math.min(20, peak))).to(peak).during(ramp),
                        constantUsersPerSec(peak).during(hold)),
                Journeys.operator("store outage", from, () -> System.out.println("[outage] store goes down: " + fault),
                        exec(Endpoints.storeFault(stack.storeControlUrl(), fault,
                                to.minus(from).toMillis() / 1000.0)),
                        () -> { }).injectOpen(atOnceUsers(1)))
                .protocols(Endpoints.protocol(stack.gatewayUrl()))
                .assertions(
                        global().failedRequests().count().is(0L),
                        global().responseTime().max().lt(budget),
                        global().responseTime().percentile(99.0).lt(LoadParams.integer("hc.p99Ms", 250)));
    }

    @Override
    public void after() {
        stack.close();
    }
}
