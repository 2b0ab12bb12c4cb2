package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.PassageGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal with no room for an offline gate's passages answers {@code 503 journal_full} with {@code Retry-After}:
 * the gate keeps them and sends them again, so nothing is lost and nothing is counted dropped (the alert on
 * {@code hc_passages_dropped_total} is for live scans, which have no other copy).
 */
class FullJournalKeepsOfflinePassagesAtTheGateTest {

    @TempDir
    Path journal;
    private PassageGateway gw;

    @BeforeEach
    void start() {
        gw = new PassageGateway(journal, null, Map.of("passages.journalMaxBytes", 1 << 20,
                "passages.segmentBytes", 64 << 10));
    }

    @AfterEach
    void stop() throws Exception {
        gw.close();
    }

    private JsonObject backlog() {
        JsonArray passages = new JsonArray();
        for (int i = 0; i < 5_000; i++) {
            passages.add(new JsonObject().put("id", UUID.randomUUID().toString()).put("at", gw.clock.millis() - i)
                    .put("decision", "pass").put("reason", "ok"));
        }
        return new JsonObject().put("gate", "SH-L2-PEOPLESQ-G03").put("passages", passages);
    }

    @Test
    void journalFull_is503JournalFull_nothingCountedDropped() {
        int status = 200;
        for (int i = 0; i < 10 && status == 200; i++) {
            var response = gw.post("/v1/passages/offline", backlog());
            status = response.statusCode();
            if (status != 200) {
                assertThat(status).as(response.bodyAsString()).isEqualTo(503);
                assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("journal_full");
                assertThat(response.getHeader("Retry-After")).isNotEmpty();
            }
        }
        assertThat(status).as("a 1 MiB journal fills within 10 backlogs of 5,000").isEqualTo(503);
        assertThat(gw.gateway.registry().find("hc_passages_dropped").functionCounter().count()).isZero();
        assertThat(gw.gateway.counted("hc_passages_offline", "outcome", "accepted")).isPositive();
    }
}
