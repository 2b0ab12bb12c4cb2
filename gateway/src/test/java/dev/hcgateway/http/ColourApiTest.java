package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.support.TestData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Online mode through a deployed gateway: the store's colour decides, the admin API invalidates. */
class ColourApiTest extends StoreBackedApiTest {

    static final String ADMIN = "admin-token-0123456789";

    private final Random random = new Random(7);

    @Override
    Map<String, Object> settings() {
        return Map.of("admin.token", ADMIN);
    }

    private String mint(String subject, Colour colour) {
        return TestData.minter("330100").mint(CodeClaims.typical("330100", subject, colour, NOW, 86_400, random));
    }

    private JsonObject verify(String code) throws Exception {
        HttpResponse<Buffer> r = await(client.post(gateway.port(), "127.0.0.1", Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", code).put("scene", "metro")));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    @Test
    void verify_storeSaysRedForGreenCode_deniedByStoreThenFromCache() throws Exception {
        deploy(Map.of());
        store.colours.put("s-api-1", "red");
        String code = mint("s-api-1", Colour.GREEN);

        JsonObject first = verify(code);
        JsonObject second = verify(code);

        assertThat(first.getString("decision")).isEqualTo("deny");
        assertThat(first.getString("reason")).isEqualTo("colour_red");
        assertThat(first.getString("source")).isEqualTo("authority");
        assertThat(first.getBoolean("degraded")).isFalse();
        assertThat(second.getString("source")).isEqualTo("cache");
        assertThat(store.requests.get()).isEqualTo(1);
    }

    @Test
    void verify_adminInvalidation_nextScanAsksStore() throws Exception {
        deploy(Map.of());
        store.colours.put("s-api-2", "green");
        String code = mint("s-api-2", Colour.GREEN);
        assertThat(verify(code).getString("decision")).isEqualTo("pass");
        store.colours.put("s-api-2", "red");

        HttpResponse<Buffer> invalidated = await(client.post(gateway.port(), "127.0.0.1", Routes.INVALIDATIONS)
                .bearerTokenAuthentication(ADMIN)
                .sendJsonObject(new JsonObject().put("subjects", new io.vertx.core.json.JsonArray().add("s-api-2"))));

        assertThat(invalidated.statusCode()).isEqualTo(200);
        JsonObject after = verify(code);
        assertThat(after.getString("decision")).isEqualTo("deny");
        assertThat(after.getString("source")).isEqualTo("authority");
        assertThat(store.requests.get()).isEqualTo(2);
    }

    @Test
    void verify_storeErroring_degradedSnapshotAnswerAndMetrics() throws Exception {
        deploy(Map.of());
        store.status = 500;

        JsonObject answer = verify(mint("s-api-3", Colour.GREEN));

        assertThat(answer.getString("decision")).isEqualTo("pass");
        assertThat(answer.getString("source")).isEqualTo("code");
        assertThat(answer.getBoolean("degraded")).isTrue();
        String metrics = await(client.get(gateway.port(), "127.0.0.1", Routes.METRICS).send()).bodyAsString();
        assertThat(metrics)
                .contains("hc_authority_requests_total{endpoint=\"lookup\",issuer=\"default\",outcome=\"store_status\"} 1.0")
                .contains("hc_colour_degraded_total{issuer=\"default\",kind=\"subject\",source=\"code\",why=\"store_status\"} 1.0")
                .contains("hc_degraded_answers_total{reason=\"ok\",scene=\"metro\"} 1.0")
                .contains("hc_colour_breaker_state{issuer=\"default\"} ")
                .contains("hc_colour_batch_size_keys_count{issuer=\"default\",kind=\"subject\"} 1")
                .contains("hc_authority_request_duration_seconds_count{endpoint=\"lookup\",issuer=\"default\"} 1")
                .contains("hc_colour_cache_requests_total{issuer=\"default\",kind=\"subject\",result=\"miss\"} 1.0")
                .doesNotContain("s-api-3");
    }

    @Test
    void ready_onlineMode_saysOnline() throws Exception {
        deploy(Map.of());

        JsonObject ready = await(client.get(gateway.port(), "127.0.0.1", Routes.READY).send()).bodyAsJsonObject();

        assertThat(ready.getJsonObject("authority").getString("mode")).isEqualTo("online");
    }
}
