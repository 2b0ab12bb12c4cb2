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
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trust list replaced again and again through its files (list and signature, as an operator's deploy does)
 * while gates scan without pause: every scan is answered, and a code of a key in every version of the list passes
 * every time. A reload swaps one immutable list for another; no scan ever sees none, or half of one.
 */
@ExtendWith(VertxExtension.class)
class ScansNeverFailWhileTheTrustListReloadsTest {

    private static final long NOW = TestData.VECTORS_NOW;

    @Test
    void scansDuringTenSignedReloads_allAnsweredAndPassing(Vertx vertx, @TempDir Path dir) throws Exception {
        CodeMinter k330100 = TestData.minter("330100");
        AnchoredTrust trust = new AnchoredTrust(dir);
        trust.write(AnchoredTrust.list("330100", AnchoredTrust.key(k330100.key(), null, null))).sign();
        Gateways.Deployed gateway = await(Gateways.deploy(vertx, new MutableClock(NOW), trust.config()));
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port()));
        SplittableRandom random = new SplittableRandom(5);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            codes.add(k330100.mint(CodeClaims.typical("330100", "s-reload-" + i, Colour.GREEN, NOW - 5, 600,
                    random::nextInt)));
        }

        AtomicBoolean scanning = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread gate = new Thread(() -> {
            for (int i = 0; scanning.get(); i++) {
                try {
                    var r = await(client.post("/v1/verify").sendJsonObject(
                            new JsonObject().put("code", codes.get(i % codes.size())).put("scene", "rail")));
                    JsonObject body = r.bodyAsJsonObject();
                    if (r.statusCode() != 200 || !"pass".equals(body.getString("decision"))) {
                        failures.add(r.statusCode() + " " + r.bodyAsString());
                    }
                    answered.incrementAndGet();
                } catch (AssertionError | RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        }, "gate");
        gate.start();
        try {
            double loadedBefore = gateway.counted("hc_trust_reloads", "outcome", "loaded");
            for (int version = 1; version <= 10; version++) {
                // Each version keeps 330100's key (with a window that always covers the codes) and adds a new issuer.
                IssuerKey extra = IssuerKey.generate("4403" + String.format("%02d", version));
                JsonObject list = AnchoredTrust.list("330100",
                        AnchoredTrust.key(k330100.key(), Instant.ofEpochSecond(NOW - 86_400 - version), null));
                list.getJsonArray("issuers").add(extra.trustList("v" + version).getJsonArray("issuers")
                        .getJsonObject(0));
                trust.write(list).sign();
                double expected = loadedBefore + version;
                int seenAt = answered.get();
                Eventually.within(Duration.ofSeconds(10), "version " + version + " in force",
                        () -> gateway.counted("hc_trust_reloads", "outcome", "loaded") >= expected);
                Eventually.within(Duration.ofSeconds(10), "scans go on after version " + version,
                        () -> answered.get() > seenAt + 5);
            }
        } finally {
            scanning.set(false);
            gate.join(10_000);
        }

        assertThat(failures).isEmpty();
        assertThat(answered.get()).isGreaterThan(50);
    }
}
