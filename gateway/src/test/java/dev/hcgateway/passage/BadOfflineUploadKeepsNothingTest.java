package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.PassageGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code POST /v1/passages/offline} that is not a request of 1..5,000 passages from a named gate is refused whole,
 * with a 400 naming what is wrong (413 past the body bound), and nothing of it is kept.
 */
class BadOfflineUploadKeepsNothingTest {

    @TempDir
    Path journal;
    private PassageGateway gw;

    @BeforeEach
    void start() {
        gw = new PassageGateway(journal, null, Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        gw.close();
    }

    private static JsonObject one(long at) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("at", at).put("decision", "pass")
                .put("reason", "ok").put("colour", "green").put("issuer", "330100").put("subject", "s-1");
    }

    private String refused(String body, int status) {
        var response = Gateways.await(gw.client.post(gw.gateway.port(), "127.0.0.1", "/v1/passages/offline")
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        return response.bodyAsJsonObject().getString("error");
    }

    /**
     * Declares a body one byte over the route's 8 MiB and sends none of it: the 413 comes before a byte is read (a
     * client still sending megabytes would see the close rather than the answer). Returns the answer's head and body.
     */
    private String declaredOverTheBound() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gw.gateway.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/passages/offline HTTP/1.1\r\nHost: t\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + ((8 << 20) + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // closed after it
        }
    }

    @Test
    void everyMalformedRequest_refusedWholeWithItsReason_nothingKept() throws Exception {
        long now = gw.clock.millis();
        JsonArray tooMany = new JsonArray();
        for (int i = 0; i <= 5_000; i++) {
            tooMany.add(one(now));
        }
        JsonObject good = new JsonObject().put("gate", "SH-L2-PEOPLESQ-G03")
                .put("passages", new JsonArray().add(one(now)));

        assertThat(refused("{", 400)).isEqualTo("invalid_json");
        assertThat(refused("[]", 400)).isEqualTo("invalid_json");
        assertThat(refused("{\"gate\": \"G1\"}", 400)).isEqualTo("missing_passages");
        assertThat(refused("{\"gate\": \"G1\", \"passages\": {}}", 400)).isEqualTo("invalid_passages");
        assertThat(refused("{\"gate\": \"G1\", \"passages\": []}", 400)).isEqualTo("empty_passages");
        assertThat(refused(good.copy().put("passages", tooMany).encode(), 400)).isEqualTo("too_many_passages");
        assertThat(refused(good.copy().put("gate", "G\n1").encode(), 400)).isEqualTo("invalid_gate");
        assertThat(refused(good.copy().put("scene", "moon").encode(), 400)).isEqualTo("unknown_scene");
        JsonObject noGate = good.copy();
        noGate.remove("gate");
        assertThat(refused(noGate.encode(), 400)).isEqualTo("missing_gate");
        assertThat(declaredOverTheBound()).startsWith("HTTP/1.1 413").contains("body_too_large");

        assertThat(gw.gateway.counted("hc_passages_offline")).isZero();
        assertThat(gw.post("/v1/passages/offline", good).statusCode()).isEqualTo(200); // the gateway took the rest
        assertThat(gw.gateway.counted("hc_passages_offline", "outcome", "accepted")).isEqualTo(1);
    }

    @Test
    void gatewayWithoutAJournal_is503_soTheGateKeepsItsPassages() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Gateways.Deployed bare = Gateways.await(Gateways.deploy(vertx, gw.clock, Map.of()));
            JsonObject body = new JsonObject().put("gate", "G1").put("passages",
                    new JsonArray().add(one(gw.clock.millis())));
            var response = Gateways.await(WebClient.create(vertx).post(bare.port(), "127.0.0.1",
                    "/v1/passages/offline").sendJsonObject(body));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("passages_not_journalled");
            assertThat(response.getHeader("Retry-After")).isNotEmpty();
        } finally {
            vertx.close().await(15, TimeUnit.SECONDS);
        }
    }
}
