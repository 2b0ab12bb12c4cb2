package dev.hcgateway.loadtest.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AuthoritySimulatorTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T07:30:00Z"));
    private AuthoritySimulator simulator;
    private WebClient client;
    private Vertx vertx;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext ctx) {
        this.vertx = vertx;
        client = WebClient.create(vertx);
        simulator = new AuthoritySimulator(SimulatorConfig.defaults()
                .withSchedule(FaultSchedule.parse("10-20:refuse,30-40:unavailable"))
                .withSecrets("store-token", "doc-key"), clock);
        vertx.deployVerticle(simulator).onComplete(ctx.succeedingThenComplete());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private Future<HttpResponse<Buffer>> lookup(String path, JsonObject body) {
        return client.postAbs(simulator.url() + path).putHeader("Authorization", "Bearer store-token")
                .sendJsonObject(body);
    }

    /** Returns a batch as the gateway sends it: one issuer's subjects (the simulator answers any issuer alike). */
    private static JsonObject subjects(String... subjects) {
        return new JsonObject().put("issuer", "330100").put("subjects", new JsonArray(List.of(subjects)));
    }

    @Test
    void lookup_knownAndUnknownSubjects_answersEachOnceWithColourAsOfAndTtl(VertxTestContext ctx) {
        lookup("/v1/colours/lookup", subjects("s-G0000001", "s-R0000002", "nobody")).onComplete(ctx.succeeding(r ->
                ctx.verify(() -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    JsonArray colours = r.bodyAsJsonObject().getJsonArray("colours");
                    assertThat(colours).hasSize(3);
                    JsonObject first = colours.getJsonObject(0);
                    assertThat(first.getString("subject")).isEqualTo("s-G0000001");
                    assertThat(first.getString("colour")).isEqualTo("green");
                    assertThat(first.getLong("asOf")).isEqualTo(clock.instant().getEpochSecond());
                    assertThat(first.getInteger("ttlSeconds")).isEqualTo(60);
                    assertThat(colours.getJsonObject(1).getString("colour")).isEqualTo("red");
                    assertThat(colours.getJsonObject(2).getMap()).containsEntry("colour", "unknown")
                            .doesNotContainKey("asOf");
                    ctx.completeNow();
                })));
    }

    @Test
    void lookup_tooManyOrNoSubjects_is400(VertxTestContext ctx) {
        String[] many = IntStream.range(0, 201).mapToObj(i -> "s-G" + i).toArray(String[]::new);
        Future.all(lookup("/v1/colours/lookup", subjects(many)), lookup("/v1/colours/lookup", subjects()))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(all.<HttpResponse<Buffer>>resultAt(0).statusCode()).isEqualTo(400);
                    assertThat(all.<HttpResponse<Buffer>>resultAt(1).statusCode()).isEqualTo(400);
                    ctx.completeNow();
                })));
    }

    @Test
    void lookup_withoutToken_is401(VertxTestContext ctx) {
        client.postAbs(simulator.url() + "/v1/colours/lookup").sendJsonObject(subjects("s-G1"))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertThat(r.statusCode()).isEqualTo(401);
                    ctx.completeNow();
                })));
    }

    @Test
    void controlColours_outbreakCommand_changesTheAnswer(VertxTestContext ctx) {
        client.postAbs(simulator.controlUrl() + "/control/colours")
                .sendJsonObject(new JsonObject().put("subjects", new JsonArray().add("s-G0000001")).put("colour", "red"))
                .compose(r -> lookup("/v1/colours/lookup", subjects("s-G0000001")))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertThat(r.bodyAsJsonObject().getJsonArray("colours").getJsonObject(0).getString("colour"))
                            .isEqualTo("red");
                    ctx.completeNow();
                })));
    }

    @Test
    void controlStats_nameTheFaultInForce_noneOutsideAWindow(VertxTestContext ctx) {
        client.getAbs(simulator.controlUrl() + "/control/stats").send().compose(quiet -> {
            ctx.verify(() -> assertThat(quiet.bodyAsJsonObject().getString("fault")).isEqualTo("none"));
            clock.advance(Duration.ofSeconds(31));
            return client.getAbs(simulator.controlUrl() + "/control/stats").send();
        }).onComplete(ctx.succeeding(during -> ctx.verify(() -> {
            assertThat(during.bodyAsJsonObject().getString("fault")).isEqualTo("unavailable");
            ctx.completeNow();
        })));
    }

    @Test
    void schedule_unavailableWindow_answers503WithRetryAfterThenRecovers(VertxTestContext ctx) {
        clock.advance(Duration.ofSeconds(31));
        lookup("/v1/colours/lookup", subjects("s-G1")).compose(during -> {
            ctx.verify(() -> {
                assertThat(during.statusCode()).isEqualTo(503);
                assertThat(during.getHeader("Retry-After")).isEqualTo("1");
            });
            clock.advance(Duration.ofSeconds(10));
            return lookup("/v1/colours/lookup", subjects("s-G1"));
        }).onComplete(ctx.succeeding(after -> ctx.verify(() -> {
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(simulator.stats().answered(503)).isEqualTo(1);
            ctx.completeNow();
        })));
    }

    @Test
    void schedule_refuseWindow_refusesConnectionsThenListensAgain(VertxTestContext ctx) {
        clock.advance(Duration.ofSeconds(11));
        untilRefused(System.currentTimeMillis() + 5000).compose(refused -> {
            clock.advance(Duration.ofSeconds(10));
            return untilAnswered(System.currentTimeMillis() + 5000);
        }).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(200);
            ctx.completeNow();
        })));
    }

    @Test
    void documentLookup_registeredNumber_answersByHashNeverEchoingTheNumber(VertxTestContext ctx) {
        simulator.colours().register("resident_id", "330106195001011234", "s-Y0000009");
        String hash = simulator.colours().hash("resident_id", "330106195001011234");
        JsonObject body = new JsonObject().put("documents", new JsonArray()
                .add(new JsonObject().put("type", "resident_id").put("hash", hash))
                .add(new JsonObject().put("type", "resident_id").put("hash", "00ff")));
        lookup("/v1/colours/lookup-by-document", body).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            JsonArray colours = r.bodyAsJsonObject().getJsonArray("colours");
            assertThat(colours.getJsonObject(0).getMap()).containsEntry("hash", hash)
                    .containsEntry("subject", "s-Y0000009").containsEntry("colour", "yellow");
            assertThat(colours.getJsonObject(1).getMap()).containsEntry("colour", "unknown").doesNotContainKey("subject");
            assertThat(r.bodyAsString()).doesNotContain("330106195001011234");
            ctx.completeNow();
        })));
    }

    @Test
    void parse_latencyAndSchedule_drawWithinBoundsAndFindWindows() {
        var random = new java.util.SplittableRandom(1);
        LatencyModel uniform = LatencyModel.parse("uniform:5-10");
        assertThat(IntStream.range(0, 200).mapToLong(i -> uniform.sampleMillis(random))).allMatch(ms -> ms >= 5 && ms <= 10);
        long[] lognormal = IntStream.range(0, 4000).mapToLong(i -> LatencyModel.parse("lognormal:5,40")
                .sampleMillis(random)).sorted().toArray();
        assertThat(lognormal[2000]).isBetween(4L, 6L);
        assertThat(lognormal[3960]).isBetween(25L, 60L);
        FaultSchedule s = FaultSchedule.parse("120-240:refuse");
        assertThat(s.at(119.9)).isNull();
        assertThat(s.at(120)).isEqualTo(Fault.REFUSE);
        assertThat(s.at(240)).isNull();
    }

    /** Polls (with a deadline) until a connection to the store is refused. */
    private Future<Void> untilRefused(long deadline) {
        return lookup("/v1/colours/lookup", subjects("s-G1")).transform(ar -> {
            if (ar.failed()) {
                return Future.succeededFuture();
            }
            if (System.currentTimeMillis() > deadline) {
                return Future.failedFuture("store still answering during the refuse window");
            }
            return after(50).compose(v -> untilRefused(deadline));
        });
    }

    /** Polls (with a deadline) until the store answers again. */
    private Future<HttpResponse<Buffer>> untilAnswered(long deadline) {
        return lookup("/v1/colours/lookup", subjects("s-G1")).recover(e -> {
            if (System.currentTimeMillis() > deadline) {
                return Future.failedFuture("store did not come back: " + e);
            }
            return after(50).compose(v -> untilAnswered(deadline));
        });
    }

    private Future<Void> after(long ms) {
        return Future.future(p -> vertx.setTimer(ms, id -> p.complete()));
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
