package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Under mTLS the client certificate names the gate: no certificate, no connection; a contradicting body, 403. */
@ExtendWith(VertxExtension.class)
class GateCertificateTest {

    private static final long NOW = 1_795_300_000L;
    private final MutableClock clock = new MutableClock(NOW);
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random = new SplittableRandom(5);
    private final DeviceCa serverCa = new DeviceCa("test server CA");
    private final DeviceCa deviceCa = new DeviceCa("test device CA");
    @TempDir
    Path dir;
    private DeviceCa.Issued server;
    private int port;

    /** One answer, and the connection it came on. */
    record Answer(int status, JsonObject body, HttpConnection connection) {
    }

    @BeforeEach
    void deploy(Vertx vertx) throws Exception {
        server = serverCa.issue(dir.resolve("server"), "CN=127.0.0.1", null);
        Map<String, Object> o = new HashMap<>();
        o.put("http.tls.enabled", true);
        o.put("http.tls.keyFile", server.keyFile().toString());
        o.put("http.tls.certFile", server.certFile().toString());
        o.put("http.tls.reloadSeconds", 1);
        o.put("http.tls.clientAuth", "required");
        o.put("http.tls.trustFile", deviceCa.writeCert(dir.resolve("devices.pem")).toString());
        o.put("http.tls.gateFrom", "san-uri");
        // One server, generous deadlines: the test is about identity, and shared CI machines run late.
        o.put("http.instances", 1);
        o.put("http.requestTimeoutMs", 20_000);
        o.put("http.shedQueueMs", 60_000);
        o.put("passages.journal", dir.resolve("journal").toString()); // offline passages need one
        port = await(Gateways.deploy(vertx, clock, o)).verticle().port();
    }

    private HttpClient client(Vertx vertx, DeviceCa.Issued device) {
        HttpClientOptions options = new HttpClientOptions().setSsl(true).setVerifyHost(false).setKeepAlive(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(serverCa.writeCert(dir.resolve("server-ca.pem"))
                        .toString()));
        if (device != null) {
            options.setKeyCertOptions(new PemKeyCertOptions().setKeyPath(device.keyFile().toString())
                    .setCertPath(device.certFile().toString()));
        }
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(1));
    }

    private Future<Answer> verify(HttpClient client, String gate) {
        String code = minter.mint(CodeClaims.typical("330100", "s-tls-" + random.nextInt(1_000_000), Colour.GREEN,
                NOW - 10, 300, random::nextInt));
        JsonObject body = new JsonObject().put("code", code).put("scene", "metro");
        if (gate != null) {
            body.put("gate", gate);
        }
        return client.request(HttpMethod.POST, port, "127.0.0.1", "/v1/verify").compose(req -> req
                .putHeader("Content-Type", "application/json").send(body.toBuffer())
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b.toJsonObject(),
                        req.connection()))));
    }

    private DeviceCa.Issued gate(String id) {
        return deviceCa.issue(dir.resolve(id), "CN=device " + id + ",O=Metro",
                new GeneralName(GeneralName.uniformResourceIdentifier, "urn:gate:" + id));
    }

    @Test
    void clientWithoutCertificate_underRequired_isRefusedAtTheHandshake(Vertx vertx) {
        assertThatThrownBy(() -> await(verify(client(vertx, null), "urn:gate:A"))).isNotNull();
    }

    @Test
    void certificateOfGateA_postingGateB_gets403GateMismatch(Vertx vertx) {
        HttpClient a = client(vertx, gate("A"));
        Answer mismatch = await(verify(a, "urn:gate:B"));
        assertThat(mismatch.status()).as(mismatch.body().encode()).isEqualTo(403);
        assertThat(mismatch.body().getString("error")).isEqualTo("gate_mismatch");
        assertThat(await(verify(a, "urn:gate:A")).status()).isEqualTo(200);
        assertThat(await(verify(a, null)).status()).as("the certificate names the gate").isEqualTo(200);
    }

    @Test
    void batchUnderMtls_certificateOfGateA_postingGateB_gets403GateMismatch(Vertx vertx) {
        HttpClient a = client(vertx, gate("A"));
        Answer mismatch = await(batch(a, "urn:gate:B"));
        assertThat(mismatch.status()).as(mismatch.body().encode()).isEqualTo(403);
        assertThat(mismatch.body().getString("error")).isEqualTo("gate_mismatch");
        assertThat(await(batch(a, "urn:gate:A")).status()).isEqualTo(200);
        assertThat(await(batch(a, null)).status()).as("the certificate names the gate").isEqualTo(200);
    }

    private Future<Answer> batch(HttpClient client, String gate) {
        String code = minter.mint(CodeClaims.typical("330100", "s-tls-" + random.nextInt(1_000_000), Colour.GREEN,
                NOW - 10, 300, random::nextInt));
        JsonObject body = new JsonObject().put("codes", new io.vertx.core.json.JsonArray().add(code))
                .put("scene", "metro");
        if (gate != null) {
            body.put("gate", gate);
        }
        return client.request(HttpMethod.POST, port, "127.0.0.1", Routes.VERIFY_BATCH).compose(req -> req
                .putHeader("Content-Type", "application/json").send(body.toBuffer())
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b.toJsonObject(),
                        req.connection()))));
    }

    @Test
    void offlinePassagesUnderMtls_certificateOfGateA_postingGateB_gets403GateMismatch(Vertx vertx) {
        HttpClient a = client(vertx, gate("A"));
        Answer mismatch = await(offline(a, "urn:gate:B"));
        assertThat(mismatch.status()).as(mismatch.body().encode()).isEqualTo(403);
        assertThat(mismatch.body().getString("error")).isEqualTo("gate_mismatch");
        Answer named = await(offline(a, null));
        assertThat(named.status()).as("the certificate names the gate: " + named.body().encode()).isEqualTo(200);
        assertThat(named.body().getInteger("accepted")).isEqualTo(1);
    }

    private Future<Answer> offline(HttpClient client, String gate) {
        JsonObject passage = new JsonObject().put("id", java.util.UUID.randomUUID().toString())
                .put("at", clock.millis() - 60_000).put("decision", "pass").put("reason", "ok");
        JsonObject body = new JsonObject().put("passages", new io.vertx.core.json.JsonArray().add(passage));
        if (gate != null) {
            body.put("gate", gate);
        }
        return client.request(HttpMethod.POST, port, "127.0.0.1", Routes.PASSAGES_OFFLINE).compose(req -> req
                .putHeader("Content-Type", "application/json").send(body.toBuffer())
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b.toJsonObject(),
                        req.connection()))));
    }

    @Test
    void rotation_keepsLiveConnection_andNewConnectionsSeeNewCertificate(Vertx vertx) throws Exception {
        HttpClient kept = client(vertx, gate("K"));
        Answer first = await(verify(kept, null));
        assertThat(first.status()).isEqualTo(200);
        assertThat(serial(first.connection())).isEqualTo(server.serial());

        DeviceCa.Issued rotated = serverCa.issue(dir.resolve("server"), "CN=127.0.0.1", null);
        Eventually.within(Duration.ofSeconds(20), "a new connection sees the rotated certificate", () -> {
            HttpClient fresh = client(vertx, gate("N"));
            try {
                return rotated.serial().equals(serial(await(verify(fresh, null)).connection()));
            } finally {
                fresh.close();
            }
        });
        Answer again = await(verify(kept, null));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.connection()).as("the kept connection was not dropped").isSameAs(first.connection());
        assertThat(serial(again.connection())).isEqualTo(server.serial());
    }

    /** Waits for a future from the test thread; generous, as a JVM's first handshakes are slow on a busy machine. */
    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    private static BigInteger serial(HttpConnection connection) {
        try {
            return ((X509Certificate) connection.peerCertificates().get(0)).getSerialNumber();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
