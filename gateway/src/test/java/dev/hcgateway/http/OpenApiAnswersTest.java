package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.hcgateway.issuer.QrImages;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer docs/openapi.yaml documents, provoked on a real server: the status must be documented for the
 * route, and the body must match the documented schema, with no field the schema does not name.
 */
class OpenApiAnswersTest {

    private static final String TOKEN = "openapi-answers-admin-token";
    private static final String TRACER = "openapi-answers-tracer-token";
    private static final String JSON = "application/json";
    /**
     * Documented answers no request from outside can provoke here, each with why. 500 is a fault of ours
     * (ErrorMapperTest); 408 needs a client slower than the test should wait; the others need a failing store or a full pool,
     * which their own tests build (OverloadTest, RequestTimeoutTest, ImageVerifyTest, GatewayRevocationTest).
     */
    private static final Set<String> NOT_PROVOKED = Set.of(
            "POST /v1/verify 500",
            "POST /v1/verify/batch 500", "POST /v1/verify/batch 503", "POST /v1/verify/batch 408",
            "POST /v1/verify/image 500", "POST /v1/verify/image 503", "POST /v1/verify/image 408",
            "POST /v1/verify/document 500", "POST /v1/verify/document 503", "POST /v1/verify/document 408",
            "POST /admin/v1/revocations 500", "POST /admin/v1/revocations 503",
            "POST /admin/v1/invalidations 500", "POST /admin/v1/invalidations 503",
            "GET /health/ready 503",
            // The export answers 503 only while the gateway holds no mirror (a Redis-backed one before its first
            // load); this fixture's in-process set is always loaded.
            "GET /admin/v1/revocations/export 503",
            // HEAD answers have no body to check (HttpFramingTest); the admin 408 is verify's client_timeout, provoked
            // above; a verify 503 needs a full in-flight bound or a late loop (OverloadTest, LateLoopShedsTest).
            "HEAD /health/live 200", "POST /admin/v1/revocations 408", "POST /admin/v1/invalidations 408",
            "POST /v1/verify 503",
            // The tracer's answers past its checks need a passages store, and its 403s and the audit an officer JWT:
            // TracerApiTest, EveryTracerQueryIsAuditedTest and OnlyValidOfficerTokensOpenTheTracerTest run them.
            "GET /tracer/v1/passages 200", "GET /tracer/v1/passages 403", "GET /tracer/v1/passages 500",
            "GET /tracer/v1/companions 200", "GET /tracer/v1/companions 403", "GET /tracer/v1/companions 500",
            "GET /tracer/v1/audit 200", "GET /tracer/v1/audit 400", "GET /tracer/v1/audit 500",
            "GET /tracer/v1/audit 503", "GET /tracer/v1/me 500", "GET /tracer/v1/me 503",
            "GET /tracer/v1/places 500", "GET /tracer/v1/places 503", "POST /tracer/v1/document-hash 200",
            "POST /tracer/v1/document-hash 403", "POST /tracer/v1/document-hash 413",
            "POST /tracer/v1/document-hash 500",
            // A 403 needs a TLS client certificate (GateCertificateTest); a 429 a gate over its rate
            // (RunawayGateIsRateLimitedTest, EveryJudgedRouteIsRateLimitedTest).
            "POST /v1/verify 403", "POST /v1/verify 429", "POST /v1/verify/batch 403", "POST /v1/verify/batch 429",
            "POST /v1/verify/image 403", "POST /v1/verify/image 429", "POST /v1/verify/document 403",
            "POST /v1/verify/document 429",
            // Offline passages: a 403 needs a client certificate (GateCertificateTest), a 503 a gateway without a
            // journal or with a full one (BadOfflineUploadKeepsNothingTest,
            // FullJournalKeepsOfflinePassagesAtTheGateTest), a 408 and 500 as on verify.
            "POST /v1/passages/offline 403", "POST /v1/passages/offline 503", "POST /v1/passages/offline 408",
            "POST /v1/passages/offline 500",
            // This fixture has no bundle key: the offline routes answer 503 here; their other answers need a key
            // (OfflineGateJudgesAsTheBundleSaysTest fetches, polls with If-None-Match and uses the bundle).
            "GET /v1/offline/bundle 200", "GET /v1/offline/bundle 304", "GET /v1/offline/bundle 500",
            "GET /v1/offline/key 200");

    private static final ServerFixture FIXTURE = new ServerFixture();
    private static final Vertx CLIENT_VERTX = Vertx.vertx();
    private static final Set<String> provoked = new TreeSet<>();
    private static JsonNode spec;
    private static WebClient client;

    @BeforeAll
    static void start() throws Exception {
        spec = new ObjectMapper(new YAMLFactory()).readTree(OpenApiTest.DOCUMENT.toFile());
        int port = FIXTURE.with("admin.token", TOKEN).with("tracer.token", TRACER)
                .with("document.key", "openapi-document-key-0123")
                .with("http.requestTimeoutMs", 2000)
                .with("passages.journal", java.nio.file.Files.createTempDirectory("hc-openapi-journal").toString())
                .start(1);
        client = WebClient.create(CLIENT_VERTX, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(port));
    }

    @AfterAll
    static void stop() throws Exception {
        CLIENT_VERTX.close().await(5, TimeUnit.SECONDS);
        FIXTURE.close();
    }

    @Test
    void everyDocumentedAnswer_isWhatTheServerSends() throws Exception {
        String code = FIXTURE.code("s-openapi-1");
        String big = "{\"code\":\"" + "A".repeat(70_000) + "\"}";
        answer(HttpMethod.POST, Routes.VERIFY, JSON, "{\"code\":\"" + code + "\"}", 200);
        answer(HttpMethod.POST, Routes.VERIFY, JSON, "{\"code\":\"HCN1:garbage\"}", 200);
        answer(HttpMethod.POST, Routes.VERIFY, JSON, "{\"nocode\":1}", 400);
        answer(HttpMethod.POST, Routes.VERIFY, JSON, big, 413);
        answer(HttpMethod.POST, Routes.VERIFY, "application/x-www-form-urlencoded", "code=x", 415);
        answer(HttpMethod.POST, Routes.VERIFY_BATCH, JSON, "{\"codes\":[\"" + code + "\",\"HCN1:x\"]}", 200);
        answer(HttpMethod.POST, Routes.VERIFY_BATCH, JSON, "{\"codes\":[]}", 400);
        answer(HttpMethod.POST, Routes.VERIFY_BATCH, JSON, big, 413);
        answer(HttpMethod.POST, Routes.VERIFY_BATCH, "application/x-www-form-urlencoded", "{\"codes\":[\"HCN1:%Z\"]}", 415);
        String offline = "{\"gate\":\"G1\",\"passages\":[{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"at\":"
                + System.currentTimeMillis() + ",\"decision\":\"pass\",\"reason\":\"ok\"},{\"id\":\"x\"}]}";
        answer(HttpMethod.POST, Routes.PASSAGES_OFFLINE, JSON, offline, 200);
        answer(HttpMethod.POST, Routes.PASSAGES_OFFLINE, JSON, "{\"gate\":\"G1\",\"passages\":[]}", 400);
        answer(HttpMethod.POST, Routes.PASSAGES_OFFLINE, "application/x-www-form-urlencoded", "{\"id\":\"%Z\"}", 415);
        Buffer qr = Buffer.buffer(QrImages.encode(QrImages.render(code, 300), "png"));
        Buffer blank = Buffer.buffer(QrImages.encode(new java.awt.image.BufferedImage(64, 64,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png"));
        answer(HttpMethod.POST, Routes.VERIFY_IMAGE, "image/png", qr, 200);
        answer(HttpMethod.POST, Routes.VERIFY_IMAGE, "image/png", Buffer.buffer("not a png"), 400);
        answer(HttpMethod.POST, Routes.VERIFY_IMAGE, "image/png", Buffer.buffer(new byte[4_300_000]), 413);
        answer(HttpMethod.POST, Routes.VERIFY_IMAGE, "text/plain", Buffer.buffer("x"), 415);
        answer(HttpMethod.POST, Routes.VERIFY_IMAGE, "image/png", blank, 422);
        String document = "{\"type\":\"resident_id\",\"number\":\"" + DocumentApiTest.NUMBER + "\"}";
        answer(HttpMethod.POST, Routes.VERIFY_DOCUMENT, JSON, document, 200);
        answer(HttpMethod.POST, Routes.VERIFY_DOCUMENT, JSON, "{\"type\":\"resident_id\"}", 400);
        answer(HttpMethod.POST, Routes.VERIFY_DOCUMENT, JSON, big, 413);
        answer(HttpMethod.POST, Routes.VERIFY_DOCUMENT, "application/x-www-form-urlencoded", "{\"number\":\"%Z\"}", 415);
        for (String route : new String[]{Routes.REVOCATIONS, Routes.INVALIDATIONS}) {
            String body = route.equals(Routes.REVOCATIONS) ? "{\"codeId\":\"0011223344556677\"}"
                    : "{\"subjects\":[\"s-openapi-1\"]}";
            admin(route, TOKEN, body, 200);
            admin(route, TOKEN, "{\"codeId\":\"zz\",\"subjects\":7}", 400);
            admin(route, "wrong-token-of-some-length", body, 401);
            admin(route, TOKEN, big, 413);
        }
        HttpResponse<Buffer> export = client.get(Routes.REVOCATIONS_EXPORT).putHeader("Authorization", "Bearer " + TOKEN)
                .send().await(5, TimeUnit.SECONDS);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.bodyAsString()).startsWith("{\"format\":\"hc-revocations/1\"").contains("0011223344556677");
        check("GET", Routes.REVOCATIONS_EXPORT, export);
        HttpResponse<Buffer> exportRefused = client.get(Routes.REVOCATIONS_EXPORT)
                .putHeader("Authorization", "Bearer wrong-token-of-some-length").send().await(5, TimeUnit.SECONDS);
        assertThat(exportRefused.statusCode()).isEqualTo(401);
        check("GET", Routes.REVOCATIONS_EXPORT, exportRefused);
        String window = "&from=2026-12-01T00:00:00Z&to=2026-12-01T01:00:00Z";
        tracer(Routes.TRACER_PASSAGES, "?case=C-1&place=SH-PEOPLESQ" + window, "wrong-token-of-some-length", 401);
        tracer(Routes.TRACER_PASSAGES, "?case=C-1&place=SH-PEOPLESQ" + window, TRACER, 503); // no store configured
        tracer(Routes.TRACER_PASSAGES, "?place=SH-PEOPLESQ" + window, TRACER, 400); // no case
        tracer(Routes.TRACER_COMPANIONS, "?case=C-1&issuer=330100&subject=s-1" + window, TOKEN, 401); // the admin's
        tracer(Routes.TRACER_COMPANIONS, "?case=C-1&issuer=330100&subject=s-1" + window, TRACER, 503);
        tracer(Routes.TRACER_COMPANIONS, "?case=C-1&issuer=330100" + window, TRACER, 400);
        tracer("/tracer/v1/audit", "?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", TRACER, 403);
        tracer("/tracer/v1/audit", "?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", TOKEN, 401);
        tracer("/tracer/v1/me", "", TRACER, 200);
        tracer("/tracer/v1/me", "", "wrong-token-of-some-length", 401);
        tracer("/tracer/v1/places", "", TRACER, 200);
        tracer("/tracer/v1/places", "", "wrong-token-of-some-length", 401);
        hash("{\"type\":\"passport\",\"number\":\"E12345678\",\"case\":\"C-1\"}", TRACER, 503); // no audit store
        hash("{\"type\":\"passport\",\"number\":\"E12\",\"case\":\"C-1\"}", TRACER, 400);
        hash("{\"type\":\"passport\",\"number\":\"E12345678\"}", "wrong-token-of-some-length", 401);
        answer(HttpMethod.GET, Routes.OFFLINE_BUNDLE, null, null, 503);
        answer(HttpMethod.GET, Routes.OFFLINE_KEY, null, null, 503);
        answer(HttpMethod.GET, Routes.LIVE, null, null, 200);
        answer(HttpMethod.GET, Routes.READY, null, null, 200);
        answer(HttpMethod.GET, Routes.METRICS, null, null, 200);
        // A declared length over the offline route's 8 MiB: 413 before a byte of the body is read (a client still
        // sending megabytes would see the close, not the answer).
        try (RawHttp raw = new RawHttp(FIXTURE.servers.get(0).port())) {
            raw.send("POST " + Routes.PASSAGES_OFFLINE + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + ((8 << 20) + 1) + "\r\n\r\n");
            String response = raw.readResponse();
            int status = Integer.parseInt(response.substring(9, 12));
            assertThat(status).isEqualTo(413);
            check("POST", Routes.PASSAGES_OFFLINE, status, JSON, response.substring(response.indexOf("\r\n\r\n") + 4),
                    Map.of());
        }
        // A body that never ends: 408 client_timeout, and the connection closed.
        try (RawHttp raw = new RawHttp(FIXTURE.servers.get(0).port())) {
            raw.socket.getOutputStream().write(("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 100\r\n\r\n{\"co").getBytes(StandardCharsets.US_ASCII));
            String response = raw.readResponse();
            int status = Integer.parseInt(response.substring(9, 12));
            assertThat(status).isEqualTo(408);
            check("POST", Routes.VERIFY, status, JSON, response.substring(response.indexOf("\r\n\r\n") + 4),
                    Map.of("retry-after", header(response, "Retry-After"), "connection", header(response, "Connection")));
        }

        Set<String> documented = new TreeSet<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("responses").fieldNames().forEachRemaining(status -> documented.add(
                        op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + status))));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(provoked);
        missing.removeAll(NOT_PROVOKED);
        assertThat(missing).as("documented answers no request here provoked").isEmpty();
    }

    @Test
    void refusals_carryTheirHttpHeaders_allowOn405_bearerChallengeOn401() throws Exception {
        HttpResponse<Buffer> wrongMethod = client.request(HttpMethod.GET, Routes.VERIFY).send()
                .await(5, TimeUnit.SECONDS);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.getHeader("Allow")).isEqualTo("POST");
        HttpResponse<Buffer> wrongMethodOnProbe = client.request(HttpMethod.DELETE, Routes.READY).send()
                .await(5, TimeUnit.SECONDS);
        assertThat(wrongMethodOnProbe.statusCode()).isEqualTo(405);
        assertThat(wrongMethodOnProbe.getHeader("Allow")).isEqualTo("GET");
        HttpResponse<Buffer> noToken = client.post(Routes.REVOCATIONS).putHeader("Content-Type", JSON)
                .sendBuffer(Buffer.buffer("{}")).await(5, TimeUnit.SECONDS);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    }

    private static void admin(String route, String token, String body, int status) throws Exception {
        HttpResponse<Buffer> r = client.post(route).putHeader("Content-Type", JSON)
                .putHeader("Authorization", "Bearer " + token).sendBuffer(Buffer.buffer(body))
                .await(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(route + " " + body.substring(0, Math.min(40, body.length())))
                .isEqualTo(status);
        check("POST", route, r);
    }

    private static void hash(String body, String token, int status) throws Exception {
        HttpResponse<Buffer> r = client.post("/tracer/v1/document-hash").putHeader("Content-Type", JSON)
                .putHeader("Authorization", "Bearer " + token).sendBuffer(Buffer.buffer(body))
                .await(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as("document-hash " + body).isEqualTo(status);
        check("POST", "/tracer/v1/document-hash", r);
    }

    private static void tracer(String route, String query, String token, int status) throws Exception {
        HttpResponse<Buffer> r = client.get(route + query).putHeader("Authorization", "Bearer " + token)
                .send().await(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(route + " " + query).isEqualTo(status);
        check("GET", route, r);
    }

    private static void answer(HttpMethod method, String route, String type, Object body, int status)
            throws Exception {
        var request = client.request(method, route);
        if (type != null) {
            request.putHeader("Content-Type", type);
        }
        Buffer buffer = body == null ? null : body instanceof Buffer b ? b : Buffer.buffer((String) body);
        HttpResponse<Buffer> r = (buffer == null ? request.send() : request.sendBuffer(buffer))
                .await(10, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(method + " " + route + " " + type).isEqualTo(status);
        check(method.name(), route, r);
    }

    private static void check(String method, String route, HttpResponse<Buffer> r) throws Exception {
        String type = r.getHeader("Content-Type");
        check(method, route, r.statusCode(), type == null ? "" : type.split(";")[0],
                r.body() == null ? "" : r.bodyAsString(), Map.of("retry-after", nonNull(r.getHeader("Retry-After")),
                        "www-authenticate", nonNull(r.getHeader("WWW-Authenticate"))));
    }

    /** Checks one answer against the document: status listed, content type listed, body valid, headers sent. */
    private static void check(String method, String route, int status, String type, String body,
                              Map<String, String> headers) throws Exception {
        String key = method + " " + route + " " + status;
        provoked.add(key);
        JsonNode response = resolve(spec.at("/paths/" + route.replace("/", "~1") + "/"
                + method.toLowerCase(Locale.ROOT) + "/responses/" + status));
        assertThat(response.isMissingNode()).as("undocumented answer " + key).isFalse();
        assertThat(response.path("content").has(type)).as(key + " content type " + type).isTrue();
        response.path("headers").fieldNames().forEachRemaining(h -> assertThat(headers.get(h.toLowerCase(Locale.ROOT)))
                .as(key + " header " + h).isNotEmpty());
        if (type.equals(JSON)) {
            JsonNode schema = strict(resolve(response.at("/content/application~1json/schema")).deepCopy());
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                    .validate(new ObjectMapper().readTree(body));
            assertThat(errors).as(key + " body " + body).isEmpty();
        }
    }

    /** Returns the node with every local {@code $ref} replaced by its target (the document has no cycles). */
    private static JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.has("$ref")) {
            return resolve(spec.at(node.get("$ref").asText().substring(1)));
        }
        if (node.isObject()) {
            ObjectNode copy = node.deepCopy();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = new ObjectMapper().createArrayNode();
            node.forEach(n -> copy.add(resolve(n)));
            return copy;
        }
        return node;
    }

    /** Forbids, in this check only, fields an object schema does not name: the answer must be documented. */
    private static JsonNode strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(OpenApiAnswersTest::strict);
        } else if (node.isArray()) {
            node.forEach(OpenApiAnswersTest::strict);
        }
        return node;
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
