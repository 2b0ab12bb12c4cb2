package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One person cannot pass at two places at once, through the real edge: a second code of the same subject at
 * another station inside the scene's window goes to staff ({@code code_in_use}); at a scene without passback, or
 * after the window, it passes; two gates of the same station are one place.
 */
class PassbackAtTheEdgeTest {

    private static final long NOW = 1_795_300_000L;
    private static final Map<String, Object> PLACES = Map.of(
            "SH-L2-PEOPLESQ-", Map.of("id", "SH-PEOPLESQ", "name", "People's Square"),
            "SH-L1-XUJIAHUI-", Map.of("id", "SH-XUJIAHUI", "name", "Xujiahui"));
    private final MutableClock clock = new MutableClock(NOW);
    private final MintedCodes codes = new MintedCodes(NOW);
    private final SecureRandom random = new SecureRandom();
    private Vertx vertx;
    private Gateways.Deployed gateway;
    private WebClient client;

    @BeforeEach
    void deploy() {
        vertx = Vertx.vertx();
        gateway = Gateways.await(Gateways.deploy(vertx, clock, Map.of("places", PLACES)));
        client = WebClient.create(vertx);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private String codeOf(String subject) {
        return codes.mint(CodeClaims.typical("330100", subject, Colour.GREEN, NOW, 3600, random));
    }

    private JsonObject scan(String code, String scene, String gate) {
        return Gateways.await(client.post(gateway.port(), "127.0.0.1", Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", code).put("scene", scene).put("gate", gate)))
                .bodyAsJsonObject();
    }

    @Test
    void samePerson_otherStationInsideWindow_manualCodeInUse() {
        assertThat(scan(codeOf("s-pb-1"), "metro", "SH-L2-PEOPLESQ-G01").getString("decision")).isEqualTo("pass");
        JsonObject second = scan(codeOf("s-pb-1"), "metro", "SH-L1-XUJIAHUI-G03");
        assertThat(second.getString("decision")).isEqualTo("manual");
        assertThat(second.getString("reason")).isEqualTo("code_in_use");
    }

    @Test
    void samePerson_sameStationOtherGate_passes() {
        assertThat(scan(codeOf("s-pb-2"), "metro", "SH-L2-PEOPLESQ-G01").getString("decision")).isEqualTo("pass");
        assertThat(scan(codeOf("s-pb-2"), "metro", "SH-L2-PEOPLESQ-G02").getString("decision")).isEqualTo("pass");
    }

    @Test
    void samePerson_otherStationAfterWindow_passes() {
        assertThat(scan(codeOf("s-pb-3"), "metro", "SH-L2-PEOPLESQ-G01").getString("decision")).isEqualTo("pass");
        clock.advanceSeconds(121);
        assertThat(scan(codeOf("s-pb-3"), "metro", "SH-L1-XUJIAHUI-G03").getString("decision")).isEqualTo("pass");
    }

    @Test
    void sceneWithoutPassback_otherPlaceAtOnce_passes() {
        assertThat(scan(codeOf("s-pb-4"), "venue", "SH-L2-PEOPLESQ-G01").getString("decision")).isEqualTo("pass");
        assertThat(scan(codeOf("s-pb-4"), "venue", "SH-L1-XUJIAHUI-G03").getString("decision")).isEqualTo("pass");
    }
}
