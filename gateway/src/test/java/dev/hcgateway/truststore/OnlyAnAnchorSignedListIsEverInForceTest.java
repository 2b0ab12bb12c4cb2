package dev.hcgateway.truststore;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.AnchoredTrust;
import dev.hcgateway.support.Eventually;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a trust anchor configured, a real gateway judges only by a list the anchor signed: a signed list is used; a
 * reload whose list is signed by another key, or not signed, keeps the last good list in force, and readiness
 * ({@code trust.rejectedReload}) and the metric say so; a list the anchor signed replaces it.
 */
@ExtendWith(VertxExtension.class)
class OnlyAnAnchorSignedListIsEverInForceTest {

    private final MutableClock clock = new MutableClock(TestData.VECTORS_NOW);
    private final SplittableRandom random = new SplittableRandom(3);
    private final CodeMinter k330100 = TestData.minter("330100");
    private AnchoredTrust trust;
    private Gateways.Deployed gateway;
    private WebClient client;

    @BeforeEach
    void deploy(Vertx vertx, @TempDir Path dir) {
        trust = new AnchoredTrust(dir).writeTestList().sign();
        gateway = await(Gateways.deploy(vertx, clock, trust.config()));
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port()));
    }

    private String reason(CodeMinter minter) {
        String code = minter.mint(CodeClaims.typical(minter.key().issuer(), "s-anchor-" + random.nextInt(1_000_000),
                Colour.GREEN, TestData.VECTORS_NOW - 5, 600, random::nextInt));
        HttpResponse<Buffer> r = await(client.post("/v1/verify").sendJsonObject(new JsonObject().put("code", code)));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject().getString("reason");
    }

    private JsonObject trustReport() {
        HttpResponse<Buffer> r = await(client.get("/health/ready").send());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject().getJsonObject("trust");
    }

    private double rejected(String cause) {
        return gateway.counted("hc_trust_reload_rejected", "cause", cause);
    }

    /** Writes a list of issuer 440300 alone: were it used, 330100's codes would be unknown_key. */
    private IssuerKey replaceWithAnotherIssuer() throws Exception {
        IssuerKey other = IssuerKey.generate("440300");
        trust.write(other.trustList("Shenzhen"));
        return other;
    }

    @Test
    void signedList_isUsed_andReadinessSaysSigned() {
        assertThat(reason(k330100)).isEqualTo("ok");
        JsonObject report = trustReport();
        assertThat(report.getBoolean("anchored")).isTrue();
        assertThat(report.getBoolean("signed")).isTrue();
        assertThat(report.getValue("rejectedReload")).isNull();
    }

    @Test
    void reloadSignedByAnotherKey_keepsTheLastGoodList_readinessAndMetricSaySo() throws Exception {
        replaceWithAnotherIssuer();
        trust.signWith(IssuerKey.generate("impostor"));

        Eventually.within(Duration.ofSeconds(10), "the refused reload reported",
                () -> trustReport().getValue("rejectedReload") != null);
        JsonObject rejected = trustReport().getJsonObject("rejectedReload");
        assertThat(rejected.getString("cause")).isEqualTo("bad_signature");
        assertThat(rejected.getString("reason")).contains(trust.signatureFile().toString())
                .contains("keeping the last good list");
        assertThat(rejected("bad_signature")).isEqualTo(1.0);
        assertThat(reason(k330100)).isEqualTo("ok"); // the last good list judges still
    }

    @Test
    void reloadWithoutSignature_keepsTheLastGoodList() throws Exception {
        replaceWithAnotherIssuer();
        trust.unsign();

        Eventually.within(Duration.ofSeconds(10), "the unsigned reload reported",
                () -> trustReport().getValue("rejectedReload") != null);
        assertThat(trustReport().getJsonObject("rejectedReload").getString("cause")).isEqualTo("unsigned");
        assertThat(rejected("unsigned")).isEqualTo(1.0);
        assertThat(reason(k330100)).isEqualTo("ok");
    }

    @Test
    void refusedReload_thenTheAnchorSigns_theNewListReplacesIt() throws Exception {
        IssuerKey other = replaceWithAnotherIssuer();
        trust.signWith(IssuerKey.generate("impostor"));
        Eventually.within(Duration.ofSeconds(10), "the refused reload reported",
                () -> trustReport().getValue("rejectedReload") != null);

        trust.sign();

        Eventually.within(Duration.ofSeconds(10), "the signed list in force",
                () -> "unknown_key".equals(reason(k330100)));
        assertThat(reason(new CodeMinter(other, null))).isEqualTo("ok");
        assertThat(trustReport().getValue("rejectedReload")).isNull();
        assertThat(trustReport().getBoolean("signed")).isTrue();
    }
}
