package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The people and machines of a run, as scenarios. In an open model each virtual user is one arrival: a person
 * at a turnstile, a desk checking a group in, a kiosk reading a photo; operators are single users on a timer.
 */
public final class Journeys {

    private Journeys() {
    }

    /** One person scans one code at a gate. */
    public static ScenarioBuilder turnstileScans(CodeFeeder feeder, Judge judge) {
        return scenario("turnstile scans").feed(feeder).exec(stamp()).exec(Endpoints.verify(judge));
    }

    /**
     * A fixed fleet of gates, each on its own keep-alive connection, scanning one person at a time: a gate scans
     * again {@code pace} (uniformly 0.5x..1.5x) after its previous scan started, or at once when the answer took
     * longer, for {@code length}. Unlike open arrivals on shared connections, a slow answer never makes the
     * generator open more connections: the fleet's size bounds them, as at a station. Each gate throttles itself
     * by {@code throttle} (a scan it refuses is not sent).
     */
    public static ScenarioBuilder gateFleet(CodeFeeder feeder, Judge judge, Duration pace, Duration length,
                                            GateThrottle throttle) {
        return scenario("turnstile scans").during(length).on(
                pace(pace.multipliedBy(1).dividedBy(2), pace.multipliedBy(3).dividedBy(2))
                        .feed(feeder)
                        .doIf(throttle::sends).then(exec(stamp()).exec(Endpoints.verify(judge)).exec(throttle::sent)));
    }

    /** A check-in desk verifies a group's codes (1..50) in one call. */
    public static ScenarioBuilder checkInDesks(Supplier<Iterator<Map<String, Object>>> batches, Judge judge) {
        return scenario("check-in desks").feed(batches).exec(stamp()).exec(Endpoints.verifyBatch(judge));
    }

    /** A kiosk uploads a photo of a code. */
    public static ScenarioBuilder kiosks(Supplier<Iterator<Map<String, Object>>> images, Judge judge) {
        return scenario("kiosks").feed(images).exec(stamp()).exec(Endpoints.verifyImage(judge));
    }

    /**
     * An operator waits, then runs {@code announcement}; {@code before} and {@code after} mark the moments (on
     * the load generator's clock) the judges compare against.
     */
    public static ScenarioBuilder operator(String name, Duration wait, Runnable before, ChainBuilder announcement,
                                           Runnable after) {
        return scenario(name)
                .pause(wait)
                .exec(session -> {
                    before.run();
                    return session;
                })
                .exec(announcement)
                .exec(session -> {
                    after.run();
                    return session;
                });
    }

    /** Posts each JSON body of {@code chunks} with the request {@code step} (which reads {@code attribute}). */
    public static ChainBuilder eachChunk(List<String> chunks, String attribute,
                                         io.gatling.javaapi.http.HttpRequestActionBuilder step) {
        return foreach(chunks, attribute).on(exec(step));
    }

    /** Samples the gateway's memory every {@code every} for {@code length}, then judges the trend. */
    public static ScenarioBuilder memoryWatch(MemoryTrend trend, Duration length, Duration every) {
        return scenario("memory watch")
                .during(length).on(exec(Endpoints.metrics("metrics sample"))
                        .exec(session -> {
                            trend.record(session.getString("scrape"));
                            return session.remove("scrape");
                        })
                        .pause(every))
                .exec(Endpoints.metrics("memory verdict").check(
                        io.gatling.javaapi.core.CoreDsl.bodyString().transform(scrape -> {
                            trend.record(scrape);
                            return trend.verdict();
                        }).is("flat")));
    }

    private static ChainBuilder stamp() {
        return exec(session -> session.set("sentAt", System.nanoTime()));
    }
}
