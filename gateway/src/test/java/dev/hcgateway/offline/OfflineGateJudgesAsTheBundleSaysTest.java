package dev.hcgateway.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.RedisFixture;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline gate judges with the bundle a real gateway served, and with nothing else: a valid code passes, a code
 * revoked in the bundle (by its id or its subject) is denied (a filter hit is manual), a revocation made after the
 * bundle was taken reaches the gate with the next bundle only, a bundle past its validUntil judges nothing, and a
 * tampered bundle is refused. The gateway serves the bundle only with a key and a loaded mirror, and 304 to a gate
 * that holds it already.
 */
@ExtendWith(VertxExtension.class)
class OfflineGateJudgesAsTheBundleSaysTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final long NOW = TestData.VECTORS_NOW;

    private final MutableClock clock = new MutableClock(NOW);
    private final MintedCodes codes = new MintedCodes(NOW);
    private Vertx vertx;
    private WebClient http;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() {
        http.close();
    }

    @Test
    void bundleFromTheGateway_passesValid_deniesRevokedAndGarbage() throws Exception {
        CodeClaims revoked = codes.claims(Colour.GREEN);
        CodeClaims ofRevokedSubject = codes.claims(Colour.GREEN);
        int port = gateway(Map.of());
        revoke(port, revoked.codeId());
        revoke(port, new JsonObject().put("issuer", "330100").put("subject", ofRevokedSubject.subject())
                .put("issuedBefore", NOW + 1));
        Path key = key(port);
        Path bundle = bundle(port, null).file();

        assertThat(gate(bundle, key, codes.valid(Colour.GREEN))).contains("\"decision\":\"pass\"", "\"reason\":\"ok\"",
                "\"source\":\"offline\"");
        assertThat(gate(bundle, key, codes.mint(ofRevokedSubject))).contains("\"decision\":\"deny\"",
                "\"reason\":\"revoked\"");
        assertThat(gate(bundle, key, codes.mint(revoked))).contains("\"decision\":\"deny\"", "\"reason\":\"revoked\"",
                "\"source\":\"offline\"");
        assertThat(gate(bundle, key, "HCN1:NOT-A-CODE")).contains("\"decision\":\"deny\"", "\"reason\":\"malformed\"");
        assertThat(gate(bundle, key, codes.valid(Colour.RED))).contains("\"decision\":\"deny\"",
                "\"reason\":\"colour_red\"");
    }

    @Test
    void revokedAfterTheBundle_passesUntilTheNextBundle() throws Exception {
        CodeClaims later = codes.claims(Colour.GREEN);
        int port = gateway(Map.of());
        Path key = key(port);
        Fetched before = bundle(port, null);
        revoke(port, later.codeId());
        Fetched soon = bundle(port, before.etag());
        clock.advanceSeconds(10); // offline.minRebuildSeconds: a change rebuilds the bundle at most this often
        Fetched after = bundle(port, before.etag());

        assertThat(soon.status()).as("within minRebuildSeconds of the last build").isEqualTo(304);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(gate(before.file(), key, codes.mint(later))).contains("\"decision\":\"pass\"");
        assertThat(gate(after.file(), key, codes.mint(later))).contains("\"decision\":\"deny\"", "\"reason\":\"revoked\"");
    }

    @Test
    void filterHit_isManualPossiblyRevoked_neverDeniedOrPassed() throws Exception {
        CodeClaims revoked = codes.claims(Colour.GREEN);
        int port = gateway(Map.of("offline.exactCodeLimit", 0));
        revoke(port, revoked.codeId());
        Path key = key(port);
        Path bundle = bundle(port, null).file();

        assertThat(gate(bundle, key, codes.mint(revoked))).contains("\"decision\":\"manual\"",
                "\"reason\":\"possibly_revoked\"");
        assertThat(gate(bundle, key, codes.valid(Colour.GREEN))).contains("\"decision\":\"pass\"");
    }

    @Test
    void pastValidUntil_everyCodeIsManualBundleExpired() throws Exception {
        int port = gateway(Map.of("offline.validSeconds", 3600));
        Path key = key(port);
        Path bundle = bundle(port, null).file();
        String late = Instant.ofEpochSecond(NOW + 3601).toString();

        for (String code : new String[]{codes.valid(Colour.GREEN), "HCN1:NOT-A-CODE"}) {
            CliRun run = CliRun.of(Map.of(), clock, "gate", "--bundle", bundle.toString(), "--key", key.toString(),
                    "--at", late, code);
            assertThat(run.rc()).isZero();
            assertThat(run.out()).contains("\"decision\":\"manual\"", "\"reason\":\"bundle_expired\"",
                    "\"source\":\"offline\"");
        }
    }

    @Test
    void tamperedBundle_isRefusedWithExit2() throws Exception {
        int port = gateway(Map.of());
        Path key = key(port);
        Path bundle = bundle(port, null).file();
        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length / 2] ^= 1;
        Path tampered = Files.write(dir.resolve("tampered.cose"), bytes);
        Path garbage = Files.write(dir.resolve("garbage.cose"), "not a bundle".getBytes());

        for (Path refused : new Path[]{tampered, garbage}) {
            CliRun run = CliRun.of(Map.of(), clock, "gate", "--bundle", refused.toString(), "--key", key.toString(),
                    "--at", Instant.ofEpochSecond(NOW).toString(), codes.valid(Colour.GREEN));
            assertThat(run.rc()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip().lines()).hasSize(1).first().asString().startsWith("bundle refused: ");
        }
    }

    @Test
    void sameBundle_isAnswered304() throws Exception {
        Gateways.Deployed gateway = Gateways.await(Gateways.deploy(vertx, clock, settings(Map.of())));
        Fetched first = bundle(gateway.port(), null);
        Fetched again = bundle(gateway.port(), first.etag());

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(304);
        assertThat(gateway.counted("hc.offline.bundle.requests", "status", "304")).isEqualTo(1);
        assertThat(gateway.timed("hc.offline.bundle.build")).isEqualTo(1);
        assertThat(gateway.gauge("hc.offline.bundle.bytes")).isEqualTo(Files.size(first.file()));
    }

    @Test
    void withoutABundleKey_bothRoutesAnswer503OfflineNotConfigured() throws Exception {
        Map<String, Object> settings = new HashMap<>(settings(Map.of()));
        settings.remove("offline.bundleKey");
        int port = Gateways.deploy(vertx, settings, clock).port();
        for (String path : new String[]{"/v1/offline/bundle", "/v1/offline/key"}) {
            HttpResponse<Buffer> r = Gateways.await(http.get(port, "127.0.0.1", path).send());
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(r.bodyAsJsonObject().getString("error")).as(path).isEqualTo("offline_not_configured");
        }
    }

    @Test
    void linesOnStandardInput_areAnsweredInPlace_neverEchoed() throws Exception {
        int port = gateway(Map.of());
        Path key = key(port);
        Path bundle = bundle(port, null).file();
        String green = codes.valid(Colour.GREEN);
        String input = green + "\n{\"code\": \"" + green + "\", \"scene\": \"venue\", \"gate\": \"G1\", \"at\": \""
                + Instant.ofEpochSecond(NOW + 7 * 3600) + "\"}\n{\"code\": \"s-secret\n";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int rc = new OfflineGate(clock).run(bundle, key, null, null, List.of("-"),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true));

        List<String> lines = out.toString().lines().toList();
        assertThat(rc).isEqualTo(1);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"decision\":\"pass\"", "\"source\":\"offline\"");
        assertThat(lines.get(1)).as("judged as at its own at: past validUntil").contains("\"reason\":\"bundle_expired\"");
        assertThat(lines.get(2)).isEqualTo("{\"error\":\"invalid_line\"}");
        assertThat(err.toString()).contains("line 3").doesNotContain("s-secret");
    }

    @Test
    void mirrorNotLoaded_bundleAnswers503_neverABundleWithoutRevocations() throws Exception {
        try (RedisFixture redis = new RedisFixture(RedisFixture.SHARED_URI)) { // no store init: nothing to load
            int port = gateway(Map.of("redis.uri", redis.uri(), "redis.keyPrefix", redis.prefix(),
                    "redis.reconnectMaxDelayMs", 200));
            HttpResponse<Buffer> r = Gateways.await(http.get(port, "127.0.0.1", "/v1/offline/bundle").send());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("mirror_not_loaded");
        }
    }

    private int gateway(Map<String, Object> overrides) throws Exception {
        return Gateways.deploy(vertx, settings(overrides), clock).port();
    }

    private Map<String, Object> settings(Map<String, Object> overrides) throws Exception {
        Map<String, Object> settings = new HashMap<>(Map.of("trust.file", TestData.trustFile(dir).toString(),
                "admin.token", TOKEN, "offline.bundleKey", bundleKeyFile().toString()));
        settings.putAll(overrides);
        return settings;
    }

    /** Writes a fresh bundle key as PKCS#8 PEM, the form operators make with openssl. */
    private Path bundleKeyFile() throws Exception {
        Path file = dir.resolve("bundle.pem");
        if (!Files.exists(file)) {
            String der = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                    IssuerKey.generate("bundle").privateKey().getEncoded());
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + der + "\n-----END PRIVATE KEY-----\n");
        }
        return file;
    }

    private void revoke(int port, byte[] codeId) {
        revoke(port, new JsonObject().put("codeId", HexFormat.of().formatHex(codeId)));
    }

    private void revoke(int port, JsonObject revocation) {
        HttpResponse<Buffer> r = Gateways.await(http.post(port, "127.0.0.1", "/admin/v1/revocations")
                .putHeader("Authorization", "Bearer " + TOKEN).sendJsonObject(revocation));
        assertThat(r.statusCode()).isLessThan(300);
    }

    private Path key(int port) throws Exception {
        HttpResponse<Buffer> r = Gateways.await(http.get(port, "127.0.0.1", "/v1/offline/key").send());
        assertThat(r.statusCode()).isEqualTo(200);
        return Files.write(dir.resolve("key.jwk"), r.body().getBytes());
    }

    private record Fetched(int status, String etag, Path file) {
    }

    private Fetched bundle(int port, String ifNoneMatch) throws Exception {
        var request = http.get(port, "127.0.0.1", "/v1/offline/bundle");
        if (ifNoneMatch != null) {
            request.putHeader("If-None-Match", ifNoneMatch);
        }
        HttpResponse<Buffer> r = Gateways.await(request.send());
        Path file = Files.createTempFile(dir, "bundle-", ".cose");
        if (r.body() != null) {
            Files.write(file, r.body().getBytes());
        }
        return new Fetched(r.statusCode(), r.getHeader("ETag"), file);
    }

    private String gate(Path bundle, Path key, String code) {
        CliRun run = CliRun.of(Map.of(), clock, "gate", "--bundle", bundle.toString(), "--key", key.toString(),
                "--at", Instant.ofEpochSecond(NOW).toString(), code);
        assertThat(run.rc()).as(run.err()).isZero();
        return run.out();
    }
}
