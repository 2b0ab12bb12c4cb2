package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import dev.hcgateway.model.Colour;
import dev.hcgateway.loadtest.pool.PoolEntry;
import io.gatling.javaapi.core.Simulation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * An outbreak is announced mid-run: the store turns a large share of subjects red, and the operator invalidates
 * them at the gateway ({@code POST /admin/v1/invalidations}, 1,000 subjects a call). Scans keep arriving
 * throughout over a pool small enough that subjects repeat (so their colours are cached before). Every scan of an
 * affected subject sent after the invalidations were answered (plus {@code hc.outbreak.graceMs} for other
 * gateways to hear of it) must be denied; scans in between may get either answer.
 *
 * <p>Needs a gateway that asks a store: in-process with {@code hc.authority=simulator} (the default), or remote
 * with {@code hc.authority.control} and {@code hc.adminToken}. Defaults: 20 -> 200/s over 30 s, hold 150 s, pool
 * 5,000, announcement at 60 s, 30% of subjects.
 */
public class OutbreakAnnouncementSimulation extends Simulation {

    private static final int CHUNK = 1000;
    private final Stack stack;
    private final AtomicLong announceStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong announceDone = new AtomicLong(Long.MAX_VALUE);

    public OutbreakAnnouncementSimulation() throws Exception {
        double peak = LoadParams.rate(200);
        Duration ramp = LoadParams.seconds("hc.rampSeconds", 30);
        Duration hold = LoadParams.seconds("hc.holdSeconds", 150);
        LoadParams.announce("OutbreakAnnouncement", peak, ramp.plus(hold));
        stack = Stack.start(5_000);
        if (!stack.online() || stack.storeControlUrl() == null || stack.adminToken().isEmpty()) {
            stack.close();
            throw new IllegalStateException("the outbreak needs a gateway that asks a commandable store and an admin "
                    + "token: run in-process with -Dhc.authority=simulator, or set -Dhc.authority.control and "
                    + "-Dhc.adminToken for a remote gateway");
        }
        Expectations expectations = new Expectations();
        double share = LoadParams.decimal("hc.outbreak.share", 0.3);
        Set<String> affected = affected(stack.pool().entries(), share);
        long graceNanos = LoadParams.integer("hc.outbreak.graceMs", 500) * 1_000_000L;
        Judge judge = (entry, scene, sentAt) -> {
            List<String> before = expectations.allowed(entry, entry.category().colour(), scene, false);
            if (!affected.contains(entry.subject()) || sentAt < announceStart.get()) {
                return before;
            }
            List<String> after = expectations.allowed(entry, Colour.RED, scene, false);
            if (sentAt > announceDone.get() + graceNanos) {
                return after;
            }
            return List.copyOf(new java.util.TreeSet<>(concat(before, after)));
        };
        CodeFeeder feeder = new CodeFeeder(stack.pool(), stack.generator(),
                CodeFeeder.SceneMix.parse(LoadParams.string("hc.scenes", "metro=70,rail=20,venue=10"), expectations));
        Duration at = LoadParams.seconds("hc.outbreak.atSeconds", 60);
        List<String> subjects = new ArrayList<>(affected);
        var announcement = Journeys.eachChunk(chunks(subjects, "subjects", 10 * CHUNK, Colour.RED), "storeChunk",
                        Endpoints.storeColours(stack.storeControlUrl()))
                .exec(Journeys.eachChunk(chunks(subjects, "subjects", CHUNK, null), "chunk",
                        Endpoints.invalidate(stack.adminToken())));
        System.out.printf("[outbreak] %d of %d subjects turn red at %s%n", affected.size(),
                stack.pool().entries().stream().map(PoolEntry::subject).distinct().count(), at);
        setUp(
                Journeys.turnstileScans(feeder, judge).injectOpen(
                        rampUsersPerSec(LoadParams.decimal("hc.baseRate", Math.min(20, peak))).to(peak).during(ramp),
                        constantUsersPerSec(peak).during(hold)),
                Journeys.operator("outbreak announcement", at, () -> announceStart.set(System.nanoTime()),
                        exec(announcement), () -> {
                            announceDone.set(System.nanoTime());
                            System.out.println("[outbreak] announced: store changed and gateway invalidated");
                        }).injectOpen(atOnceUsers(1)))
                .protocols(Endpoints.protocol(stack.gatewayUrl()))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("announce: invalidate subjects").successfulRequests().count()
                                .is((long) Math.ceil(subjects.size() / (double) CHUNK)),
                        global().responseTime().percentile(99.0).lt(LoadParams.integer("hc.p99Ms", 250)));
    }

    /** Picks every valid green or yellow subject whose stable hash falls in the share. */
    static Set<String> affected(List<PoolEntry> entries, double share) {
        return entries.stream()
                .filter(e -> e.category().valid() && e.category().colour() != Colour.RED)
                .map(PoolEntry::subject)
                .filter(s -> Math.floorMod(s.hashCode() * 0x9E3779B1, 10_000) < share * 10_000)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Splits subjects into JSON bodies: {"subjects": [...]} plus the colour for the store when given. */
    static List<String> chunks(List<String> subjects, String field, int size, Colour colour) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i += size) {
            JsonObject body = new JsonObject().put(field, new JsonArray(subjects.subList(i,
                    Math.min(subjects.size(), i + size))));
            if (colour != null) {
                body.put("colour", colour.wire());
            }
            out.add(body.encode());
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public void after() {
        stack.close();
    }
}
