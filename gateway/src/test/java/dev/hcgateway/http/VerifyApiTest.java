package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The verify API over a real server in offline mode: every decision, reason and scene of the core. */
@ExtendWith(VertxExtension.class)
class VerifyApiTest {

    static final long NOW = 1_795_300_000L;
    static final String ADMIN = "test-admin-token-0123456789";

    private final MutableClock clock = new MutableClock(NOW);
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random = new SplittableRandom(7);
    private WebClient client;

    @BeforeEach
    void deploy(Vertx vertx) {
        var gateway = Gateways.deploy(vertx, Map.of("admin.token", ADMIN), clock);
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port()));
    }

    private CodeClaims claims(Colour colour) {
        return CodeClaims.typical("330100", "s-api-" + random.nextInt(1_000_000), colour, NOW - 10, 300, random::nextInt);
    }

    private JsonObject verify(String code, String scene) {
        JsonObject body = new JsonObject().put("code", code);
        if (scene != null) {
            body.put("scene", scene);
        }
        HttpResponse<Buffer> r = await(client.post("/v1/verify").sendJsonObject(body));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> post(String path, String body) {
        return await(client.post(path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
    }

    @Test
    void verify_greenCodeAtMetro_passesWithSnapshotColourAndClaims() {
        CodeClaims c = claims(Colour.GREEN);
        JsonObject answer = verify(minter.mint(c), "metro");
        assertThat(answer.getString("decision")).isEqualTo("pass");
        assertThat(answer.getString("reason")).isEqualTo("ok");
        assertThat(answer.getString("colour")).isEqualTo("green");
        assertThat(answer.getString("source")).isEqualTo("code");
        assertThat(answer.getBoolean("degraded")).isFalse();
        assertThat(answer.getString("issuer")).isEqualTo("330100");
        assertThat(answer.getString("subject")).isEqualTo(c.subject());
        assertThat(answer.getString("kind")).isEqualTo("personal");
        assertThat(answer.getLong("expiresAt")).isEqualTo(c.expiresAt());
    }

    @Test
    void verify_noScene_usesDefaultSceneMetro() {
        // Metro's 180 s code age applies: a 200 s old code is a screenshot there.
        String code = minter.mint(claims(Colour.GREEN).withTimes(NOW - 200, NOW + 300, NOW - 200));
        assertThat(verify(code, null).getString("reason")).isEqualTo("stale_code");
    }

    @Test
    void verify_coloursAcrossScenes_followSceneTables() {
        assertThat(decision(Colour.YELLOW, "metro")).isEqualTo("deny/colour_yellow");
        assertThat(decision(Colour.ORANGE, "rail")).isEqualTo("deny/colour_orange");
        assertThat(decision(Colour.RED, "venue")).isEqualTo("deny/colour_red");
        assertThat(decision(Colour.YELLOW, "airport")).isEqualTo("manual/colour_yellow");
        assertThat(decision(Colour.ORANGE, "airport")).isEqualTo("manual/colour_orange");
        assertThat(decision(Colour.RED, "airport")).isEqualTo("deny/colour_red");
        assertThat(decision(Colour.GREEN, "airport")).isEqualTo("pass/ok");
    }

    private String decision(Colour colour, String scene) {
        JsonObject a = verify(minter.mint(claims(colour)), scene);
        return a.getString("decision") + "/" + a.getString("reason");
    }

    @Test
    void verify_oldCodeAtMetroButNotAirport_isStaleOnlyAtMetro() {
        String code = minter.mint(claims(Colour.GREEN).withTimes(NOW - 3600, NOW + 300, NOW - 3600));
        assertThat(verify(code, "metro").getString("reason")).isEqualTo("stale_code");
        assertThat(verify(code, "airport").getString("decision")).isEqualTo("pass");
    }

    @Test
    void verify_paperCodePrintedHoursAgoAtMetro_isExemptFromCodeAge() {
        String code = minter.mint(claims(Colour.GREEN).withKind(CodeKind.PAPER, null)
                .withTimes(NOW - 43_200, NOW + 86400, NOW - 43_200));
        JsonObject a = verify(code, "metro");
        assertThat(a.getString("decision")).isEqualTo("pass");
        assertThat(a.getString("kind")).isEqualTo("paper");
    }

    @Test
    void verify_proxyCode_carriesKindAndRelation() {
        JsonObject a = verify(minter.mint(claims(Colour.GREEN).withKind(CodeKind.PROXY, "parent")), "venue");
        assertThat(a.getString("kind")).isEqualTo("proxy");
        assertThat(a.getString("relation")).isEqualTo("parent");
    }

    @Test
    void verify_snapshotOlderThanSceneAllows_fallsBackToManualDegraded() {
        // Airport trusts a snapshot for 3600 s only; this one is two hours old but the code itself is fresh.
        String code = minter.mint(claims(Colour.GREEN).withTimes(NOW - 10, NOW + 300, NOW - 7200));
        JsonObject a = verify(code, "airport");
        assertThat(a.getString("decision")).isEqualTo("manual");
        assertThat(a.getString("reason")).isEqualTo("authority_unavailable");
        assertThat(a.getBoolean("degraded")).isTrue();
        assertThat(a.containsKey("colour")).isFalse();
        assertThat(a.getString("subject")).isNotNull();
    }

    @Test
    void verify_invalidCodes_denyWithReasonAndRevealNoSubject() throws Exception {
        CodeClaims c = claims(Colour.GREEN);
        String valid = minter.mint(c);
        IssuerKey stranger = IssuerKey.generate("330100");
        String other = new CodeMinter(stranger, null).mint(c);
        String mismatch = TestData.minter("110000").mint(c);
        String expired = minter.mint(c.withTimes(NOW - 1000, NOW - 100, NOW - 1000));
        String future = minter.mint(c.withTimes(NOW + 1000, NOW + 2000, NOW + 1000));
        byte[] header = minter.protectedHeader(-35, minter.key().kid());
        byte[] payload = minter.payload(c);
        String es384 = CodeMinter.text(minter.sign1(header, payload, minter.sign(header, payload), false), true);
        byte[] goodHeader = minter.protectedHeader(-7, minter.key().kid());
        byte[] sig = minter.sign(goodHeader, payload);
        sig[10] ^= 1;
        String tampered = CodeMinter.text(minter.sign1(goodHeader, payload, sig, false), true);
        Map<String, String> cases = Map.of(
                other, "unknown_key", mismatch, "issuer_mismatch", expired, "expired", future, "not_yet_valid",
                es384, "unsupported_algorithm", tampered, "bad_signature", "HCN1:%%%", "malformed",
                "HC2:" + valid.substring(5), "unsupported_format", "", "unsupported_format",
                valid.substring(0, valid.length() - 7), "malformed");
        cases.forEach((code, reason) -> {
            JsonObject a = verify(code, "metro");
            assertThat(a.getString("decision")).as(reason).isEqualTo("deny");
            assertThat(a.getString("reason")).as(reason).isEqualTo(reason);
            assertThat(a.fieldNames()).as(reason).containsExactlyInAnyOrder("decision", "reason", "degraded");
        });
    }

    @Test
    void verify_revokedThroughAdminApi_deniesRevoked() {
        CodeClaims c = claims(Colour.GREEN);
        String code = minter.mint(c);
        assertThat(verify(code, "metro").getString("decision")).isEqualTo("pass");
        HttpResponse<Buffer> r = await(client.post("/admin/v1/revocations").bearerTokenAuthentication(ADMIN)
                .sendJsonObject(new JsonObject().put("codeId", java.util.HexFormat.of().formatHex(c.codeId()))));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(verify(code, "metro").getString("reason")).isEqualTo("revoked");
    }

    @Test
    void verify_badRequests_answerErrorBodies() {
        assertError(post("/v1/verify", "not json"), 400, "invalid_json");
        assertError(post("/v1/verify", "[1,2]"), 400, "invalid_json");
        assertError(post("/v1/verify", ""), 400, "invalid_json");
        assertError(post("/v1/verify", "{\"scene\":\"metro\"}"), 400, "missing_code");
        assertError(post("/v1/verify", "{\"code\":42}"), 400, "missing_code");
        assertError(post("/v1/verify", "{\"code\":\"HCN1:\",\"scene\":\"moon\"}"), 400, "unknown_scene");
        assertError(post("/v1/verify", "{\"code\":\"HCN1:\",\"gate\":\"\\u0000\"}"), 400, "invalid_gate");
        assertError(post("/v1/verify", "{\"code\":\"" + "A".repeat(70_000) + "\"}"), 413, "body_too_large");
        assertError(post("/v1/nope", "{}"), 404, "not_found");
        assertError(await(client.get("/v1/verify").send()), 405, "method_not_allowed");
    }

    @Test
    void verify_jsonSentAsFormWithPercentInCode_is415WithInstructions() {
        String body = "{\"code\":\"" + minter.mint(claims(Colour.GREEN)).replace("HCN1:", "HCN1:%") + "\"}";
        HttpResponse<Buffer> r = await(client.post("/v1/verify")
                .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer(body)));
        assertError(r, 415, "unsupported_media_type");
        assertThat(r.bodyAsJsonObject().getString("message")).contains("application/json");
    }

    @Test
    void admin_withoutOrWithWrongToken_is401() {
        assertError(post("/admin/v1/revocations", "{\"codeId\":\"00112233445566778899\"}"), 401, "unauthorized");
        HttpResponse<Buffer> r = await(client.post("/admin/v1/invalidations").bearerTokenAuthentication("wrong-token")
                .sendJsonObject(new JsonObject().put("subjects", java.util.List.of("s-1"))));
        assertError(r, 401, "unauthorized");
    }

    @Test
    void admin_badInput_is400() {
        assertError(admin("/admin/v1/revocations", "{\"codeId\":\"xyz\"}"), 400, "invalid_code_id");
        assertError(admin("/admin/v1/revocations", "{\"codeId\":\"0011\"}"), 400, "invalid_code_id");
        assertError(admin("/admin/v1/revocations", "{\"subject\":\"s-1\"}"), 400, "invalid_issued_before");
        assertError(admin("/admin/v1/revocations", "{\"subject\":\"s-1\",\"issuedBefore\":-5}"), 400,
                "invalid_issued_before");
        assertError(admin("/admin/v1/revocations", "{}"), 400, "invalid_revocation");
        assertError(admin("/admin/v1/invalidations", "{\"subjects\":[]}"), 400, "invalid_subjects");
        assertError(admin("/admin/v1/invalidations", "{\"subjects\":[\"\"]}"), 400, "invalid_subject");
    }

    private HttpResponse<Buffer> admin(String path, String body) {
        return await(client.post(path).bearerTokenAuthentication(ADMIN).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body)));
    }

    @Test
    void health_liveAndReady_answer200WithTrustListLoaded() {
        assertThat(await(client.get("/health/live").send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> ready = await(client.get("/health/ready").send());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getJsonObject("trustList").getInteger("keys")).isEqualTo(2);
    }

    @Test
    void metrics_afterAVerify_exposeDecisionCounterWithoutSubjects() {
        CodeClaims c = claims(Colour.RED);
        verify(minter.mint(c), "metro");
        String text = await(client.get("/metrics").send()).bodyAsString();
        assertThat(text).contains("hc_verify_decisions_total{decision=\"deny\",endpoint=\"/v1/verify\",reason=\"colour_red\",scene=\"metro\"}");
        assertThat(text).contains("hc_verify_duration_seconds_bucket");
        assertThat(text).doesNotContain(c.subject());
    }

    static void assertError(HttpResponse<Buffer> r, int status, String error) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("message")).isNotBlank();
    }
}
