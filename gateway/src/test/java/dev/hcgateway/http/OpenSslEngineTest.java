package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.TlsConfig;
import dev.hcgateway.http.connection.TlsSetup;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.model.Colour;
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
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code http.tls.engine: openssl}: BoringSSL loads from the jar here, and gates are served and identified alike. */
@ExtendWith(VertxExtension.class)
class OpenSslEngineTest {

    private static final long NOW = 1_795_300_000L;
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random = new SplittableRandom(29);
    private final DeviceCa serverCa = new DeviceCa("test server CA");
    private final DeviceCa deviceCa = new DeviceCa("test device CA");
    @TempDir
    Path dir;

    @Test
    void openssl_isTheEngineWhenAskedAndItsLibraryLoads_jdkOtherwise() {
        assertThat(TlsSetup.engine(TlsConfig.Engine.OPENSSL)).as("the bundled linux-x86_64 BoringSSL")
                .isInstanceOf(OpenSSLEngineOptions.class);
        assertThat(TlsSetup.engine(TlsConfig.Engine.JDK)).isInstanceOf(JdkSSLEngineOptions.class);
    }

    @Test
    void openssl_servesMutualTls_andTheCertificateNamesTheGate(Vertx vertx) {
        DeviceCa.Issued server = serverCa.issue(dir.resolve("server"), "CN=127.0.0.1", null);
        DeviceCa.Issued device = deviceCa.issue(dir.resolve("A"), "CN=gate-A", null);
        Map<String, Object> o = Map.of("http.tls.enabled", true, "http.tls.engine", "openssl",
                "http.tls.keyFile", server.keyFile().toString(), "http.tls.certFile", server.certFile().toString(),
                "http.tls.clientAuth", "required",
                "http.tls.trustFile", deviceCa.writeCert(dir.resolve("devices.pem")).toString(),
                "http.requestTimeoutMs", 20_000, "http.shedQueueMs", 60_000);
        int port = await(Gateways.deploy(vertx, new MutableClock(NOW), o)).verticle().port();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(false)
                .setTrustOptions(new PemTrustOptions().addCertPath(serverCa.writeCert(dir.resolve("ca.pem")).toString()))
                .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(device.keyFile().toString())
                        .setCertPath(device.certFile().toString())), new PoolOptions().setHttp1MaxSize(1));
        assertThat(await(verify(client, port, "gate-A"))).isEqualTo(200);
        assertThat(await(verify(client, port, "gate-B"))).as("the certificate names gate-A").isEqualTo(403);
    }

    private Future<Integer> verify(HttpClient client, int port, String gate) {
        String code = minter.mint(CodeClaims.typical("330100", "s-ossl-" + random.nextInt(1_000_000), Colour.GREEN,
                NOW - 10, 300, random::nextInt));
        JsonObject body = new JsonObject().put("code", code).put("scene", "metro").put("gate", gate);
        return client.request(HttpMethod.POST, port, "127.0.0.1", Routes.VERIFY).compose(req -> req
                .putHeader("Content-Type", "application/json").send(body.toBuffer()).map(resp -> resp.statusCode()));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }
}
