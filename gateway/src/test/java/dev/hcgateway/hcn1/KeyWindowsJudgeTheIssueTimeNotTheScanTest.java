package dev.hcgateway.hcn1;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.AnchoredTrust;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An issuer rotating its key, over a real gateway: the old key gets a {@code notAfter}, the new one a {@code
 * notBefore}, both listed. A code passes when its {@code iat} lies in its own key's window, whatever the scan's
 * clock says; outside it, {@code deny} / {@code key_expired} in either direction.
 */
@ExtendWith(VertxExtension.class)
class KeyWindowsJudgeTheIssueTimeNotTheScanTest {

    /** The rotation instant: the old key's last issue second. */
    private static final long ROTATION = TestData.VECTORS_NOW;
    /** The new key signs from ten minutes before the old one stops: an overlap, as a rollout needs. */
    private static final long NEW_FROM = ROTATION - 600;

    private final MutableClock clock = new MutableClock(ROTATION + 30);
    private final SplittableRandom random = new SplittableRandom(11);
    private final CodeMinter oldKey = TestData.minter("330100");
    private CodeMinter newKey;
    private WebClient client;

    @BeforeEach
    void deploy(Vertx vertx, @TempDir Path dir) throws Exception {
        IssuerKey fresh = IssuerKey.generate("330100");
        newKey = new CodeMinter(fresh, null);
        AnchoredTrust trust = new AnchoredTrust(dir).write(AnchoredTrust.list("330100",
                AnchoredTrust.key(oldKey.key(), null, Instant.ofEpochSecond(ROTATION)),
                AnchoredTrust.key(fresh, Instant.ofEpochSecond(NEW_FROM), null))).sign();
        Map<String, Object> config = new HashMap<>(trust.config());
        var gateway = Gateways.deploy(vertx, config, clock);
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port()));
    }

    private String code(CodeMinter minter, long iat) {
        CodeClaims c = CodeClaims.typical("330100", "s-rotation-" + random.nextInt(1_000_000), Colour.GREEN, iat,
                3600, random::nextInt);
        return minter.mint(c);
    }

    private JsonObject verify(String code) {
        HttpResponse<Buffer> r = await(client.post("/v1/verify")
                .sendJsonObject(new JsonObject().put("code", code).put("scene", "metro")));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    private static void assertDecision(JsonObject answer, String decision, String reason) {
        assertThat(answer.getString("decision")).as(answer.encode()).isEqualTo(decision);
        assertThat(answer.getString("reason")).as(answer.encode()).isEqualTo(reason);
    }

    @Test
    void oldKey_codeIssuedUpToItsNotAfter_passesAfterTheScanClockPassedIt() {
        assertDecision(verify(code(oldKey, ROTATION - 30)), "pass", "ok");
        assertDecision(verify(code(oldKey, ROTATION)), "pass", "ok"); // the bound itself is inside

        clock.advanceSeconds(120); // the scan is now well past the old key's notAfter: its codes still live
        assertDecision(verify(code(oldKey, ROTATION - 10)), "pass", "ok");
    }

    @Test
    void oldKey_codeIssuedAfterItsNotAfter_isKeyExpired() {
        JsonObject answer = verify(code(oldKey, ROTATION + 1));

        assertDecision(answer, "deny", "key_expired");
        assertThat(answer.containsKey("subject")).isFalse();
    }

    @Test
    void newKey_codeIssuedFromItsNotBefore_passes() {
        clock.set(NEW_FROM + 30); // the code is scanned soon after issue, as a dynamic code is
        assertDecision(verify(code(newKey, NEW_FROM)), "pass", "ok"); // the bound itself is inside

        clock.set(ROTATION + 30);
        assertDecision(verify(code(newKey, ROTATION + 20)), "pass", "ok");
    }

    @Test
    void newKey_codeIssuedBeforeItsNotBefore_isKeyExpired() {
        // Issued before the key's window; the window is judged before the time rules (this one is stale too).
        assertDecision(verify(code(newKey, NEW_FROM - 1)), "deny", "key_expired");
    }

    @Test
    void keyWindow_isJudgedAfterTheSignature_anUnsignedIatNeverReachesIt() {
        CodeClaims c = CodeClaims.typical("330100", "s-rotation-forged", Colour.GREEN, ROTATION + 1, 3600,
                random::nextInt);
        byte[] header = oldKey.protectedHeader(-7, oldKey.key().kid());
        byte[] payload = oldKey.payload(c);
        byte[] signature = oldKey.sign(header, payload);
        signature[17] ^= 0x01;

        assertDecision(verify(CodeMinter.text(oldKey.sign1(header, payload, signature, false), true)), "deny",
                "bad_signature");
    }
}
