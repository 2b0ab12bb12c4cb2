package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.PgDatabase;
import dev.hcgateway.support.TcpProxy;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store outage never slows the gates, and every passage answered meanwhile arrives once it is back, once. */
class StoreOutageTest {

    @TempDir
    Path journal;

    @Test
    void storeCut_answersStayFast_everyPassageArrivesOnceAfterwards() throws Exception {
        MintedCodes codes = new MintedCodes(TestData.VECTORS_NOW);
        try (PgDatabase db = new PgDatabase();
             TcpProxy proxy = new TcpProxy(PgDatabase.HOST, PgDatabase.PORT);
             PassageGateway gw = new PassageGateway(journal, db.url(proxy.port()), Map.of())) {
            gw.verify(codes.valid(Colour.GREEN), "SH-L2-PEOPLESQ-G01");
            Eventually.within(Duration.ofSeconds(20), "the first passage stored",
                    () -> db.rows("passages") == 1);

            proxy.cut();
            int scans = 40;
            long slowest = 0;
            for (int i = 0; i < scans; i++) {
                long start = System.nanoTime();
                assertThat(gw.verify(codes.valid(Colour.GREEN), "SH-L2-PEOPLESQ-G0" + (i % 4)).getString("decision"))
                        .isEqualTo("pass");
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            }
            // Answers never wait on the store (the store's timeout is 5 s); a loaded 2-core machine needs slack.
            assertThat(slowest).isLessThan(1000);
            Eventually.within(Duration.ofSeconds(10), "the store reported down",
                    () -> gw.get("/health/ready", null).bodyAsJsonObject().getJsonObject("passages")
                            .getString("store").equals("down"));
            assertThat(gw.get("/health/ready", null).statusCode()).isEqualTo(200); // readiness unaffected
            JsonObject journal = gw.get("/health/ready", null).bodyAsJsonObject().getJsonObject("passages");
            assertThat(journal.getString("whenFull")).as("the drop policy, stated").isEqualTo("new_passages_dropped");
            assertThat(journal.getLong("journalMaxBytes")).isPositive().isGreaterThan(journal.getLong("journalBytes"));
            assertThat(db.count("SELECT count(*) FROM passages")).isEqualTo(1);

            proxy.restore();
            Eventually.within(Duration.ofSeconds(30), "every passage stored after the outage",
                    () -> db.rows("passages") == 1 + scans);
            assertThat(db.count("SELECT count(DISTINCT id) FROM passages")).isEqualTo(1 + scans);
            assertThat(gw.gateway.counted("hc_passages_batches", "outcome", "failed")).isPositive();
        }
    }
}
