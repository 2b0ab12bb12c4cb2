package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The morning rush on a metro line: arrivals ramp from {@code hc.baseRate} to {@code hc.rate} scans a second,
 * then hold; scans spread over metro, rail and venue gates; codes of every category and kind. Every answer
 * must be the policy's decision (no red, expired, forged or garbage code ever passes) within the budgets.
 *
 * <p>Defaults: 20 -> 300/s over 60 s, hold 120 s, pool 20,000 codes, scenes metro=70,rail=20,venue=10.
 *
 * <p>{@code hc.gates=N} (N > 0) replaces the open arrivals with a fleet of N gates, each on its own connection,
 * scanning every N / rate seconds on average (0.5x..1.5x); the gates join over the ramp. This is the model of the
 * goodput curve: past capacity an open model on shared connections makes Gatling open a connection per waiting
 * request (thousands), which no station does; a fleet offers the same rate on a fixed number of connections.
 * {@code hc.gateThrottleK=k} (k > 0) makes each gate throttle itself adaptively ({@link GateThrottle}); the scans
 * the gates refused themselves are printed at the end ("gates refused N scans themselves").
 */
public class MetroMorningPeakSimulation extends Simulation {

    private final Stack stack;
    private final GateThrottle throttle = new GateThrottle(LoadParams.decimal("hc.gateThrottleK", 0));

    public MetroMorningPeakSimulation() throws Exception {
        double peak = LoadParams.rate(300);
        Duration ramp = LoadParams.seconds("hc.rampSeconds", 60);
        Duration hold = LoadParams.seconds("hc.holdSeconds", 120);
        LoadParams.announce("MetroMorningPeak", peak, ramp.plus(hold));
        stack = Stack.start(20_000);
        Expectations expectations = new Expectations();
        CodeFeeder feeder = new CodeFeeder(stack.pool(), stack.generator(),
                CodeFeeder.SceneMix.parse(LoadParams.string("hc.scenes", "metro=70,rail=20,venue=10"), expectations));
        Judge judge = Judge.byPolicy(expectations, false);
        int gates = LoadParams.integer("hc.gates", 0);
        PopulationBuilder population = gates > 0
                ? Journeys.gateFleet(feeder, judge, Duration.ofNanos(Math.round(gates * 1e9 / peak)), ramp.plus(hold),
                        throttle)
                        .injectOpen(rampUsers(gates).during(ramp)).protocols(Endpoints.gateProtocol(stack.gatewayUrl()))
                : Journeys.turnstileScans(feeder, judge).injectOpen(
                        rampUsersPerSec(LoadParams.decimal("hc.baseRate", Math.min(20, peak))).to(peak).during(ramp),
                        constantUsersPerSec(peak).during(hold)).protocols(Endpoints.protocol(stack.gatewayUrl()));
        setUp(population)
                .assertions(
                        global().failedRequests().count().is(0L),
                        global().responseTime().percentile(99.0).lt(LoadParams.integer("hc.p99Ms", 250)),
                        global().responseTime().max().lt(LoadParams.integer("hc.maxMs", 1000)));
    }

    @Override
    public void after() {
        System.out.println("gates refused " + throttle.refused() + " scans themselves");
        stack.close();
    }
}
