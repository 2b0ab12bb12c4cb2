package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http.tls.crlFile}: a gate whose certificate the device CA revoked cannot connect, an unrevoked one is
 * served, and a CRL replaced on disk takes effect for new connections without a restart (with the rotation); on
 * either TLS engine.
 */
@ExtendWith(VertxExtension.class)
class RevokedGateCertificateTest {

    private static final long NOW = 1_795_300_000L;
    private final MutableClock clock = new MutableClock(NOW);
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random = new SplittableRandom(23);
    private final DeviceCa serverCa = new DeviceCa("test server CA");
    private final DeviceCa deviceCa = new DeviceCa("test device CA");
    @TempDir
    Path dir;
    private DeviceCa.Issued revoked;
    private DeviceCa.Issued kept;
    private Path crl;
    private int port;

    private void deploy(Vertx vertx, String engine) {
        DeviceCa.Issued server = serverCa.issue(dir.resolve("server"), "CN=127.0.0.1", null);
        revoked = deviceCa.issue(dir.resolve("R"), "CN=gate-R", null);
        kept = deviceCa.issue(dir.resolve("K"), "CN=gate-K", null);
        crl = deviceCa.writeCrl(dir.resolve("devices.crl"), revoked.serial());
        Map<String, Object> o = new HashMap<>();
        o.put("http.tls.enabled", true);
        o.put("http.tls.keyFile", server.keyFile().toString());
        o.put("http.tls.certFile", server.certFile().toString());
        o.put("http.tls.reloadSeconds", 1);
        o.put("http.tls.clientAuth", "required");
        o.put("http.tls.trustFile", deviceCa.writeCert(dir.resolve("devices.pem")).toString());
        o.put("http.tls.crlFile", crl.toString());
        o.put("http.tls.engine", engine);
        o.put("http.instances", 1);
        o.put("http.requestTimeoutMs", 20_000);
        o.put("http.shedQueueMs", 60_000);
        port = await(Gateways.deploy(vertx, clock, o)).verticle().port();
    }

    private HttpClient client(Vertx vertx, DeviceCa.Issued device) {
        return vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(false)
                .setTrustOptions(new PemTrustOptions().addCertPath(serverCa.writeCert(dir.resolve("server-ca.pem"))
                        .toString()))
                .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(device.keyFile().toString())
                        .setCertPath(device.certFile().toString())), new PoolOptions().setHttp1MaxSize(1));
    }

    /** Sends one verify on a new connection of {@code device}; returns the status. */
    private int verify(Vertx vertx, DeviceCa.Issued device) {
        HttpClient client = client(vertx, device);
        try {
            String code = minter.mint(CodeClaims.typical("330100", "s-crl-" + random.nextInt(1_000_000),
                    Colour.GREEN, NOW - 10, 300, random::nextInt));
            JsonObject body = new JsonObject().put("code", code).put("scene", "metro");
            return await(client.request(HttpMethod.POST, port, "127.0.0.1", Routes.VERIFY).compose(req -> req
                    .putHeader("Content-Type", "application/json").send(body.toBuffer())
                    .map(resp -> resp.statusCode())));
        } finally {
            client.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void revokedCertificate_isRefused_unrevokedIsServed(String engine, Vertx vertx) {
        deploy(vertx, engine);
        Throwable refused = catchThrowable(() -> verify(vertx, revoked));
        // Refused by the handshake (an alert), not by a timeout: a hang would also throw.
        assertThat(refused).as("listed in the CRL").hasMessageContaining("fatal alert");
        assertThat(verify(vertx, kept)).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void crlReplacedOnDisk_refusesNewlyRevokedGate_onItsNextConnection(String engine, Vertx vertx) {
        deploy(vertx, engine);
        assertThat(verify(vertx, kept)).isEqualTo(200);
        deviceCa.writeCrl(crl, revoked.serial(), kept.serial());
        Eventually.within(Duration.ofSeconds(20), "the new CRL refuses gate K", () -> {
            try {
                verify(vertx, kept);
                return false;
            } catch (AssertionError refused) {
                assertThat(refused).hasMessageContaining("fatal alert");
                return true;
            }
        });
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }
}
