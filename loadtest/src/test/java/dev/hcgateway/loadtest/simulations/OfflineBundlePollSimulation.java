package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A metro morning rush ({@link MetroMorningPeakSimulation}, the same flags) while a fleet of offline-capable gates
 * keeps its offline bundle fresh (offline-v1.md, section 1): {@code hc.offline.gates} gates (10,000) each fetch
 * {@code GET /v1/offline/bundle} once, their first fetches spread over {@code hc.offline.everySeconds} (60), then
 * poll every {@code hc.offline.everySeconds} with {@code If-None-Match}, expecting {@code 304} (an unchanged
 * bundle; {@code -Dhc.offline.expect304=false} also takes a 200 with a new bundle). At the defaults that is ~167
 * conditional GETs a second beside the scans.
 *
 * <p>What must hold: the rush's budgets, as in the metro run, for the scans and the polls alike; no failed
 * request. The in-process gateway signs the bundle with {@code -Dhc.offline.bundleKey=FILE} (PKCS#8 PEM), else with
 * a throwaway key; a remote gateway ({@code hc.gatewayUrl}) must have a bundle key of its own.
 */
public class OfflineBundlePollSimulation extends Simulation {

    private final Stack stack;
    private final GateThrottle throttle = new GateThrottle(LoadParams.decimal("hc.gateThrottleK", 0));

    public OfflineBundlePollSimulation() throws Exception {
        double peak = LoadParams.rate(300);
        Duration ramp = LoadParams.seconds("hc.rampSeconds", 60);
        Duration hold = LoadParams.seconds("hc.holdSeconds", 120);
        int gates = LoadParams.integer("hc.offline.gates", 10_000);
        Duration every = LoadParams.seconds("hc.offline.everySeconds", 60);
        LoadParams.announce("OfflineBundlePoll", peak + gates * 1000.0 / Math.max(1, every.toMillis()),
                ramp.plus(hold));
        stack = Stack.start(20_000, true);
        // The polls last as long as the rush (first fetches spread over the first period), and each gate polls at
        // least once, so that a rush shorter than a period still measures a conditional GET.
        Duration rest = ramp.plus(hold).minus(every);
        Duration polling = rest.compareTo(every) < 0 ? every : rest;
        setUp(MetroMorningPeakSimulation.rush(stack, peak, ramp, hold, throttle),
                Journeys.bundlePolls(every, polling, Boolean.parseBoolean(
                                LoadParams.string("hc.offline.expect304", "true")))
                        .injectOpen(rampUsers(gates).during(every))
                        .protocols(Endpoints.protocol(stack.gatewayUrl())))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("offline bundle: poll").successfulRequests().percent().is(100.0),
                        global().responseTime().percentile(99.0).lt(LoadParams.integer("hc.p99Ms", 250)),
                        global().responseTime().max().lt(LoadParams.integer("hc.maxMs", 1000)));
    }

    @Override
    public void after() {
        System.out.println("gates refused " + throttle.refused() + " scans themselves");
        stack.close();
    }
}
