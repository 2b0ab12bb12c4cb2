package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;

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
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A gateway under mutual TLS for the TLS tests: a server CA and a device CA, one server on a free port that
 * requires a device certificate, clients holding a device's certificate, and verify or batch requests of freshly
 * minted codes. Deadlines are generous: the tests are about identity, and a JVM's first handshakes on a shared
 * machine are slow.
 */
final class MtlsGateway {

    /** The clock's now, and the minted codes' issue time. */
    static final long NOW = 1_795_300_000L;
    /** Handshakes on a loaded machine: longer than the shared 10 s wait. */
    static final Duration SLOW = Duration.ofSeconds(60);

    /** One answer, and the connection it came on. */
    record Answer(int status, JsonObject body, HttpConnection connection) {
    }

    final DeviceCa serverCa = new DeviceCa("test server CA");
    final DeviceCa deviceCa = new DeviceCa("test device CA");
    private final Path dir;
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random;
    private final MutableClock clock = new MutableClock(NOW);
    private DeviceCa.Issued server;
    private int port;

    /** Creates the CAs, writing their files under {@code dir}; {@code seed} varies the minted subjects. */
    MtlsGateway(Path dir, long seed) {
        this.dir = dir;
        this.random = new SplittableRandom(seed);
    }

    /** Deploys one server with a fresh server certificate, requiring a device certificate; {@code more} on top. */
    MtlsGateway deploy(Vertx vertx, Map<String, Object> more) {
        server = serverCa.issue(dir.resolve("server"), "CN=127.0.0.1", null);
        Map<String, Object> o = new HashMap<>();
        o.put("http.tls.enabled", true);
        o.put("http.tls.keyFile", server.keyFile().toString());
        o.put("http.tls.certFile", server.certFile().toString());
        o.put("http.tls.reloadSeconds", 1);
        o.put("http.tls.clientAuth", "required");
        o.put("http.tls.trustFile", deviceCa.writeCert(dir.resolve("devices.pem")).toString());
        o.put("http.instances", 1);
        o.put("http.requestTimeoutMs", 20_000);
        o.put("http.shedQueueMs", 60_000);
        o.putAll(more);
        port = await(Gateways.deploy(vertx, clock, o), SLOW).verticle().port();
        return this;
    }

    /** Returns the server certificate the gateway was deployed with. */
    DeviceCa.Issued server() {
        return server;
    }

    /** Issues a device certificate under {@code name}, with {@code subject} and an optional SAN. */
    DeviceCa.Issued device(String name, String subject, org.bouncycastle.asn1.x509.GeneralName san) {
        return deviceCa.issue(dir.resolve(name), subject, san);
    }

    /** Returns a one-connection client trusting the server CA, presenting {@code device} (null: no certificate). */
    HttpClient client(Vertx vertx, DeviceCa.Issued device) {
        HttpClientOptions options = new HttpClientOptions().setSsl(true).setVerifyHost(false).setKeepAlive(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(serverCa.writeCert(dir.resolve("server-ca.pem"))
                        .toString()));
        if (device != null) {
            options.setKeyCertOptions(new PemKeyCertOptions().setKeyPath(device.keyFile().toString())
                    .setCertPath(device.certFile().toString()));
        }
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(1));
    }

    /** Posts one fresh green code to {@code /v1/verify} at metro, naming {@code gate} (null: none). */
    Future<Answer> verify(HttpClient client, String gate) {
        return post(client, Routes.VERIFY, new JsonObject().put("code", code()), gate);
    }

    /** Posts a batch of one fresh green code to {@code /v1/verify/batch} at metro, naming {@code gate}. */
    Future<Answer> batch(HttpClient client, String gate) {
        return post(client, Routes.VERIFY_BATCH, new JsonObject().put("codes", new JsonArray().add(code())), gate);
    }

    private String code() {
        return minter.mint(CodeClaims.typical("330100", "s-tls-" + random.nextInt(1_000_000), Colour.GREEN,
                NOW - 10, 300, random::nextInt));
    }

    private Future<Answer> post(HttpClient client, String path, JsonObject body, String gate) {
        body.put("scene", "metro");
        if (gate != null) {
            body.put("gate", gate);
        }
        return client.request(HttpMethod.POST, port, "127.0.0.1", path).compose(req -> req
                .putHeader("Content-Type", "application/json").send(body.toBuffer())
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b.toJsonObject(),
                        req.connection()))));
    }
}
