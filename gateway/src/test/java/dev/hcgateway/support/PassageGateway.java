package dev.hcgateway.support;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A whole gateway recording passages into a journal directory and a PostgreSQL database, with a tracer token,
 * places over the test gates, and a clock the test moves; requests are sent from the test thread and awaited.
 */
public final class PassageGateway implements AutoCloseable {

    public static final String TRACER = "tracer-token-0123456789";
    public static final String ADMIN = "admin-token-0123456789";
    public static final String DOCUMENT_KEY = "test-document-key-0123";
    public static final Map<String, Object> PLACES = Map.of(
            "SH-L2-PEOPLESQ-", Map.of("id", "SH-PEOPLESQ", "name", "People's Square"),
            "SH-L2-PEOPLESQ-EXIT-9", Map.of("id", "SH-PEOPLESQ-E9", "name", "People's Square exit 9"),
            "SH-L1-XUJIAHUI-", Map.of("id", "SH-XUJIAHUI", "name", "Xujiahui"));

    public final MutableClock clock = new MutableClock(TestData.VECTORS_NOW);
    public final Vertx vertx = Vertx.vertx();
    public final WebClient client = WebClient.create(vertx);
    public final Gateways.Deployed gateway;

    /** Deploys with the journal in {@code journal}, the store at {@code url} (null: none), plus overrides. */
    public PassageGateway(Path journal, String url, Map<String, Object> overrides) {
        // A loaded CI machine must not shed (503 overloaded) the requests these tests need, like ServerFixture.
        Map<String, Object> all = new HashMap<>(Map.of("passages.journal", journal.toString(),
                "passages.shipIntervalMs", 20, "tracer.token", TRACER, "admin.token", ADMIN,
                "document.key", DOCUMENT_KEY, "places", PLACES, "http.shedQueueMs", 60_000));
        if (url != null) {
            all.put("passages.url", url);
        }
        all.putAll(overrides);
        gateway = Gateways.await(Gateways.deploy(vertx, clock, all));
    }

    /** Posts a JSON body and returns the response. */
    public HttpResponse<Buffer> post(String path, JsonObject body) {
        return Gateways.await(client.post(gateway.port(), "127.0.0.1", path).sendJsonObject(body));
    }

    /** Posts a JSON body with an {@code Authorization} header. */
    public HttpResponse<Buffer> post(String path, JsonObject body, String authorization) {
        return Gateways.await(client.post(gateway.port(), "127.0.0.1", path).putHeader("Authorization", authorization)
                .sendJsonObject(body));
    }

    /** Posts raw bytes of a content type. */
    public HttpResponse<Buffer> post(String path, String contentType, byte[] body) {
        return Gateways.await(client.post(gateway.port(), "127.0.0.1", path).putHeader("Content-Type", contentType)
                .sendBuffer(Buffer.buffer(body)));
    }

    /** Gets a path with an {@code Authorization} header (null: none). */
    public HttpResponse<Buffer> get(String pathAndQuery, String authorization) {
        var request = client.get(gateway.port(), "127.0.0.1", pathAndQuery);
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return Gateways.await(request.send());
    }

    /**
     * Scans a fresh green code of a subject of issuer 330100 at a gate, now by the gateway's clock; checks that it
     * passes and returns the subject the gateway answered.
     */
    public String scanGreen(String subject, String gate) {
        long now = clock.millis() / 1000;
        String code = TestData.minter("330100").mint(CodeClaims.typical("330100", subject, Colour.GREEN, now, 3600,
                new Random(now)));
        JsonObject answer = verify(code, gate);
        if (!"pass".equals(answer.getString("decision"))) {
            throw new AssertionError("a fresh green code did not pass: " + answer.encode());
        }
        return answer.getString("subject");
    }

    /** Verifies one code at a gate in the metro scene. */
    public JsonObject verify(String code, String gate) {
        JsonObject body = new JsonObject().put("code", code).put("scene", "metro");
        if (gate != null) {
            body.put("gate", gate);
        }
        return post("/v1/verify", body).bodyAsJsonObject();
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(15, TimeUnit.SECONDS);
    }
}
