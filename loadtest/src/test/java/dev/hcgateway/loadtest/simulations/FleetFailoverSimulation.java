package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives every gateway of the local fleet ({@code loadtest/fleet/fleet.sh rehearse}) round robin at
 * {@code hc.rate} scans a second for {@code hc.holdSeconds}, while the script kills the Redis primary and then
 * a gateway. Each request is named by the phase it was sent in ("before", "redis failover", "redis failed over",
 * "gateway killed"), read from the timeline file ({@code hc.fleet.timeline}) the script appends to, so
 * Gatling's report gives errors and latency per phase; the decisions per phase are printed at the end.
 * Nothing is asserted: a rehearsal reports, the operator judges (a killed gateway refuses its share until a
 * load balancer would drop it).
 */
public class FleetFailoverSimulation extends Simulation {

    private static final List<String> PHASES = List.of("before", "redis failover", "redis failed over",
            "gateway killed");

    private final Stack stack;
    private final Path timeline = Path.of(LoadParams.string("hc.fleet.timeline", "target/hc-fleet-timeline"));
    private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();

    public FleetFailoverSimulation() throws Exception {
        double rate = LoadParams.rate(200);
        Duration hold = LoadParams.seconds("hc.holdSeconds", 90);
        LoadParams.announce("FleetFailover", rate, hold);
        stack = Stack.start(20_000);
        Expectations expectations = new Expectations();
        CodeFeeder feeder = new CodeFeeder(stack.pool(), stack.generator(),
                CodeFeeder.SceneMix.parse(LoadParams.string("hc.scenes", "metro=60,rail=20,venue=20"), expectations));
        Judge judge = Judge.byPolicy(expectations, true);
        String[] urls = LoadParams.string("hc.gatewayUrls", stack.gatewayUrl()).split(",");
        setUp(scenario("fleet scans").feed(feeder)
                .exec(session -> session.set("phase", phase()).set("sentAt", System.nanoTime()))
                .exec(http(session -> "verify " + session.getString("phase"))
                        .post("/v1/verify")
                        .header("Content-Type", "application/json")
                        .body(StringBody("#{body}"))
                        .check(status().is(200))
                        .check(jsonPath("$.decision").transformWithSession((decision, session) -> {
                            decisions.computeIfAbsent(session.getString("phase") + " / " + decision,
                                    k -> new LongAdder()).increment();
                            return judge.verdict(decision, session.get("entry"), session.getString("scene"),
                                    session.getLong("sentAt"));
                        }).is("ok")))
                .injectOpen(constantUsersPerSec(rate).during(hold)))
                .protocols(http.baseUrls(urls).disableWarmUp().shareConnections()
                        .acceptHeader("application/json").userAgentHeader("hc-loadtest"));
    }

    /** Returns the phase named by the number of events in the timeline so far. */
    private String phase() {
        try {
            int events = Files.exists(timeline) ? Files.readAllLines(timeline).size() : 0;
            return PHASES.get(Math.min(events, PHASES.size() - 1));
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void before() {
        try {
            // Tells fleet.sh that requests start now: its kills are timed from here.
            Files.writeString(Path.of(timeline + ".go"), "");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + timeline + ".go", e);
        }
    }

    @Override
    public void after() {
        new TreeMap<>(decisions).forEach((key, count) -> System.out.printf("[fleet] %s: %d%n", key, count.sum()));
        stack.close();
    }
}
