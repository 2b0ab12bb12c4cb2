package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scene rules added by configuration only: accepted issuers and required vaccination. */
@ExtendWith(VertxExtension.class)
class SceneRulesApiTest {

    static final long NOW = 1_795_300_000L;
    private final SplittableRandom random = new SplittableRandom(11);
    private WebClient client;

    @BeforeEach
    void deploy(Vertx vertx) {
        Map<String, Object> beijingOnly = Map.of("pass", List.of("green"), "manual", List.of(),
                "deny", List.of("yellow", "orange", "red"), "maxCodeAgeSeconds", 180, "snapshotMaxAgeSeconds", 86400,
                "fallback", "manual", "requireVaccinated", true, "issuers", List.of("110000"));
        var gateway = Gateways.deploy(vertx, Map.of("scenes.stadium", beijingOnly), new MutableClock(NOW));
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()));
    }

    private JsonObject verify(String issuer, Boolean vaccinated) {
        CodeClaims c = CodeClaims.typical(issuer, "s-scene", Colour.GREEN, NOW - 5, 300, random::nextInt)
                .withVaccinated(vaccinated);
        return await(client.post("/v1/verify").sendJsonObject(new JsonObject()
                .put("code", TestData.minter(issuer).mint(c)).put("scene", "stadium"))).bodyAsJsonObject();
    }

    @Test
    void verify_issuerNotInSceneList_deniesIssuerNotAccepted() {
        JsonObject a = verify("330100", true);
        assertThat(a.getString("decision")).isEqualTo("deny");
        assertThat(a.getString("reason")).isEqualTo("issuer_not_accepted");
        assertThat(a.containsKey("subject")).isFalse();
    }

    @Test
    void verify_greenWithoutVaccination_isManualVaccinationRequired() {
        assertThat(verify("110000", null).getString("reason")).isEqualTo("vaccination_required");
        assertThat(verify("110000", false).getString("decision")).isEqualTo("manual");
        JsonObject vaccinated = verify("110000", true);
        assertThat(vaccinated.getString("decision")).isEqualTo("pass");
        assertThat(vaccinated.getString("reason")).isEqualTo("ok");
    }
}
