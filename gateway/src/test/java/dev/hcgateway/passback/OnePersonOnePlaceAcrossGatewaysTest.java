package dev.hcgateway.passback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.http.Routes;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.RedisFixture;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real gateways on one real Redis: a person who passed at one station on one gateway is caught at
 * another station on the other gateway within the window, with no Redis call on the scan path: sightings are
 * published in batches and followed by every gateway. What Redis holds names no issuer or subject.
 */
class OnePersonOnePlaceAcrossGatewaysTest {

    private static final long NOW = 1_795_300_000L;
    private static final Map<String, Object> PLACES = Map.of(
            "SH-L2-PEOPLESQ-", Map.of("id", "SH-PEOPLESQ", "name", "People's Square"),
            "SH-L1-XUJIAHUI-", Map.of("id", "SH-XUJIAHUI", "name", "Xujiahui"));
    private static final String PLACE_A = "SH-L2-PEOPLESQ-G01";
    private static final String PLACE_B = "SH-L1-XUJIAHUI-G03";
    private static final Duration ARRIVAL = Duration.ofSeconds(5);
    private final MutableClock clock = new MutableClock(NOW);
    private final MintedCodes codes = new MintedCodes(NOW);
    private final SecureRandom random = new SecureRandom();
    private Vertx vertx;
    private RedisFixture redis;
    private WebClient client;
    private Gateways.Deployed one;
    private Gateways.Deployed two;

    @BeforeEach
    void deploy() {
        vertx = Vertx.vertx();
        redis = new RedisFixture(RedisFixture.SHARED_URI).initStore();
        client = WebClient.create(vertx);
        Map<String, Object> overrides = Map.of("places", PLACES, "redis.uri", redis.uri(),
                "redis.keyPrefix", redis.prefix(), "passback.sightingKey", "test-sighting-key-0123456789");
        one = Gateways.await(Gateways.deploy(vertx, clock, overrides));
        two = Gateways.await(Gateways.deploy(vertx, clock, overrides));
        // Each follows the sightings stream from its end: share only once both follow it.
        Eventually.within(ARRIVAL, "both gateways share sightings with the fleet",
                () -> "fleet".equals(passbackMode(one)) && "fleet".equals(passbackMode(two)));
    }

    @AfterEach
    void close() throws Exception {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } finally {
            redis.close();
        }
    }

    private String codeOf(String subject) {
        return codes.mint(CodeClaims.typical("330100", subject, Colour.GREEN, NOW, 3600, random));
    }

    private JsonObject scan(Gateways.Deployed gateway, String code, String scene, String gate) {
        return Gateways.await(client.post(gateway.port(), "127.0.0.1", Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", code).put("scene", scene).put("gate", gate)))
                .bodyAsJsonObject();
    }

    private String passbackMode(Gateways.Deployed gateway) {
        HttpResponse<Buffer> ready = Gateways.await(client.get(gateway.port(), "127.0.0.1", Routes.READY).send());
        return ready.bodyAsJsonObject().getJsonObject("passback").getString("mode");
    }

    /** Passes at place A on gateway one and waits until gateway two holds the sighting; then a second passes. */
    private void passAtAOnOne_seenByTwo(String subject) {
        // Counted before the scan: the sighting may reach gateway two before the answer reaches this thread.
        double before = two.counted("hc.passback.sightings.received");
        assertThat(scan(one, codeOf(subject), "metro", PLACE_A).getString("decision")).isEqualTo("pass");
        try {
            Eventually.within(ARRIVAL, "gateway two receives the sighting",
                    () -> two.counted("hc.passback.sightings.received") > before);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; gateway one published "
                    + one.counted("hc.passback.sightings.published") + ", dropped "
                    + one.counted("hc.passback.sightings.dropped") + "; stream holds "
                    + redis.redis().xlen(redis.prefix() + "sightings") + " entries", e);
        }
        clock.advanceSeconds(1);
    }

    @Test
    void passOnOneGateway_samePersonElsewhereOnTheOtherASecondLater_goesToStaffAsCodeInUse() {
        passAtAOnOne_seenByTwo("s-fleet-1");

        JsonObject second = scan(two, codeOf("s-fleet-1"), "metro", PLACE_B);

        assertThat(second.getString("decision")).isEqualTo("manual");
        assertThat(second.getString("reason")).isEqualTo("code_in_use");
        assertThat(one.counted("hc.passback.sightings.published")).isGreaterThanOrEqualTo(1);
        assertThat(two.timed("hc.passback.sighting.lag")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void passOnOneGateway_samePersonAtASceneWithPassbackOffOnTheOther_passes() {
        passAtAOnOne_seenByTwo("s-fleet-2");

        assertThat(scan(two, codeOf("s-fleet-2"), "airport", PLACE_B).getString("decision")).isEqualTo("pass");
    }

    @Test
    void passOnOneGateway_samePersonElsewhereOnTheOtherAfterTheWindow_passes() {
        passAtAOnOne_seenByTwo("s-fleet-3");
        clock.advanceSeconds(120);

        assertThat(scan(two, codeOf("s-fleet-3"), "metro", PLACE_B).getString("decision")).isEqualTo("pass");
    }

    @Test
    void sightingEntriesInRedis_holdOnlyKeyedHashesTimesAndPlaces_noIssuerOrSubject() {
        passAtAOnOne_seenByTwo("s-fleet-private-4711");

        List<StreamMessage<String, String>> entries = redis.redis().xrange(redis.prefix() + "sightings",
                Range.create("-", "+"));
        assertThat(entries).isNotEmpty();
        for (StreamMessage<String, String> entry : entries) {
            String text = entry.getBody().toString();
            assertThat(text).doesNotContain("s-fleet-private-4711").doesNotContain("330100");
            assertThat(entry.getBody().get("type")).isEqualTo("sightings");
            for (String line : entry.getBody().get("s").split("\n")) {
                assertThat(line).matches("[0-9a-f]{32} \\d+ SH-(PEOPLESQ|XUJIAHUI)");
            }
        }
    }
}
