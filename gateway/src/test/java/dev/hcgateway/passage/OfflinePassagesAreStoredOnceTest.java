package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.PgDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passages handed in by an offline gate ({@code POST /v1/passages/offline}) are stored once each, however often and
 * wherever they are sent: twice to one gateway (it remembers them: duplicates), then to a second gateway over the
 * same store (it does not: the store's key {@code (at, id)} keeps them once). They take the gate's place, carry
 * {@code offline: true} to the tracer, and those too old, in the future or not passages are listed as rejected.
 */
class OfflinePassagesAreStoredOnceTest {

    private static final String GATE = "SH-L2-PEOPLESQ-G03";
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;
    private PgDatabase db;
    private PassageGateway first;
    private PassageGateway second;

    @BeforeEach
    void start() {
        db = new PgDatabase();
        first = new PassageGateway(dir.resolve("first"), db.url(), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        first.close();
        if (second != null) {
            second.close();
        }
        db.close();
    }

    private static JsonObject passage(UUID id, long at, String decision, String reason, String colour,
                                      String subject) {
        JsonObject p = new JsonObject().put("id", id.toString()).put("at", at).put("decision", decision)
                .put("reason", reason);
        if (colour != null) {
            p.put("colour", colour);
        }
        if (subject != null) {
            p.put("issuer", "330100").put("subject", subject).put("kind", "personal");
        }
        return p;
    }

    @Test
    void sentTwiceThenToAnotherGateway_eachStoredOnce_offlineToTheTracer_rejectedListed() {
        long now = first.clock.millis();
        UUID green = UUID.randomUUID();
        JsonArray list = new JsonArray()
                .add(passage(green, now - 50 * MINUTE, "pass", "ok", "green", "s-offline-1"))
                .add(passage(UUID.randomUUID(), now - 40 * MINUTE, "deny", "colour_red", "red", "s-offline-2"))
                .add(passage(UUID.randomUUID(), now - 30 * MINUTE, "deny", "malformed", null, null))
                .add(passage(UUID.randomUUID(), now - 22 * 1440 * MINUTE, "pass", "ok", "green", "s-offline-3"))
                .add(passage(UUID.randomUUID(), now + 10 * MINUTE, "pass", "ok", "green", "s-offline-4"))
                .add(passage(UUID.randomUUID(), now - MINUTE, "open", "ok", "green", "s-offline-5"))
                .add(new JsonObject().put("id", "not-a-uuid").put("at", now))
                .add(passage(green, now - 50 * MINUTE, "pass", "ok", "green", "s-offline-1"));
        JsonObject body = new JsonObject().put("gate", GATE).put("scene", "metro").put("passages", list);
        first.scanGreen("s-online-1", "SH-L2-PEOPLESQ-G07");

        JsonObject answer = taken(first, body);
        assertThat(answer.getInteger("accepted")).isEqualTo(3);
        assertThat(answer.getInteger("duplicates")).isEqualTo(1); // the same id twice in one request
        assertThat(answer.getJsonArray("rejected").stream().map(JsonObject.class::cast)
                .map(r -> r.getInteger("index") + ":" + r.getString("reason")).toList())
                .containsExactly("3:too_old", "4:in_future", "5:invalid_passage", "6:invalid_passage");
        assertThat(answer.encode()).doesNotContain("s-offline"); // rejections name fields, never values

        JsonObject again = taken(first, body);
        assertThat(again.getInteger("accepted")).isZero();
        assertThat(again.getInteger("duplicates")).isEqualTo(4);

        second = new PassageGateway(dir.resolve("second"), db.url(), Map.of());
        assertThat(taken(second, body).getInteger("accepted")).isEqualTo(3); // not remembered there: kept once anyway

        Eventually.within(Duration.ofSeconds(20), "both gateways shipped what they journalled",
                () -> first.gateway.counted("hc_passages_shipped") >= 4
                        && second.gateway.counted("hc_passages_shipped") >= 3);
        List<Row> offline = db.query("SELECT gate, place, source, offline FROM passages WHERE offline");
        assertThat(offline).hasSize(3).allSatisfy(r -> {
            assertThat(r.getString("gate")).isEqualTo(GATE);
            assertThat(r.getString("place")).isEqualTo("SH-PEOPLESQ");
        });
        assertThat(offline).extracting(r -> r.getString("source")).containsExactlyInAnyOrder("code", "code", null);
        assertThat(db.count("SELECT count(*) FROM passages WHERE NOT offline")).isEqualTo(1);

        var traced = first.get("/tracer/v1/passages?case=C-OFFLINE&place=SH-PEOPLESQ&from="
                + Instant.ofEpochMilli(now - 3_600_000) + "&to=" + Instant.ofEpochMilli(now + 60_000),
                "Bearer " + PassageGateway.TRACER);
        assertThat(traced.statusCode()).as(traced.bodyAsString()).isEqualTo(200);
        List<JsonObject> passages = traced.bodyAsJsonObject().getJsonArray("passages").stream()
                .map(JsonObject.class::cast).toList();
        assertThat(passages).extracting(p -> p.getBoolean("offline")).containsExactly(true, true, true, null);
        assertThat(passages.get(0).getString("id")).isEqualTo(green.toString());

        assertThat(first.gateway.counted("hc_passages_offline", "outcome", "accepted")).isEqualTo(3);
        assertThat(first.gateway.counted("hc_passages_offline", "outcome", "duplicate")).isEqualTo(5);
        assertThat(first.gateway.counted("hc_passages_offline", "outcome", "rejected")).isEqualTo(8);
    }

    private static JsonObject taken(PassageGateway gateway, JsonObject body) {
        var response = gateway.post("/v1/passages/offline", body);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }
}
