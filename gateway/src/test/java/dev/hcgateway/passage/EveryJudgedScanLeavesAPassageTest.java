package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.QrImages;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.PgDatabase;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify, each batch element, image and document, each with a gate, leave one passage each in the store with
 * the gate's place and the answer's fields, and never the code text or the document number.
 */
class EveryJudgedScanLeavesAPassageTest {

    private static final String NUMBER = "11010519491231002X";

    @TempDir
    Path journal;
    private PgDatabase db;
    private PassageGateway gw;
    private final MintedCodes codes = new MintedCodes(TestData.VECTORS_NOW);

    @BeforeEach
    void start() {
        db = new PgDatabase();
        gw = new PassageGateway(journal, db.url(), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        gw.close();
        db.close();
    }

    private List<Row> rows(String where) {
        return db.query("SELECT gate, place, scene, decision, reason, colour, source, degraded, issuer, subject, kind,"
                + " code_id, document, at FROM passages WHERE " + where + " ORDER BY at, id");
    }

    @Test
    void verifyBatchImageDocument_eachLandsOnceWithPlaceAndFields_noCodeText() throws Exception {
        String single = codes.valid(Colour.GREEN);
        String first = codes.valid(Colour.GREEN);
        String second = codes.valid(Colour.RED);
        String pictured = codes.valid(Colour.GREEN);
        JsonObject answer = gw.verify(single, "SH-L2-PEOPLESQ-G07");
        gw.verify(codes.valid(Colour.GREEN), null); // no gate: no passage
        gw.post("/v1/verify/batch", new JsonObject().put("codes", new JsonArray().add(first).add(second).add("HC1:garbage"))
                .put("scene", "metro").put("gate", "SH-L2-PEOPLESQ-EXIT-9A"));
        assertThat(gw.post("/v1/verify/image?scene=metro&gate=SH-L1-XUJIAHUI-K3", "image/png",
                QrImages.encode(QrImages.render(pictured, 400), "png")).statusCode()).isEqualTo(200);
        gw.post("/v1/verify/document", new JsonObject().put("type", "resident_id").put("number", NUMBER)
                .put("scene", "metro").put("gate", "PVG-T2-DESK-1"));

        Eventually.within(Duration.ofSeconds(20), "6 passages stored",
                () -> db.rows("passages") == 6);

        Row verify = rows("gate = 'SH-L2-PEOPLESQ-G07'").get(0);
        assertThat(verify.getString("place")).isEqualTo("SH-PEOPLESQ");
        assertThat(verify.getString("scene")).isEqualTo("metro");
        assertThat(verify.getString("decision")).isEqualTo(answer.getString("decision")).isEqualTo("pass");
        assertThat(verify.getString("reason")).isEqualTo("ok");
        assertThat(verify.getString("colour")).isEqualTo(answer.getString("colour"));
        assertThat(verify.getString("source")).isEqualTo(answer.getString("source"));
        assertThat(verify.getString("issuer")).isEqualTo("330100");
        assertThat(verify.getString("subject")).isEqualTo(answer.getString("subject"));
        assertThat(verify.getString("kind")).isEqualTo(answer.getString("kind"));
        assertThat(verify.getString("code_id")).matches("[0-9a-f]+");
        assertThat(verify.getLong("at")).isEqualTo(TestData.VECTORS_NOW * 1000);

        List<Row> batch = rows("gate = 'SH-L2-PEOPLESQ-EXIT-9A'");
        assertThat(batch).hasSize(3).allSatisfy(r -> assertThat(r.getString("place")).isEqualTo("SH-PEOPLESQ-E9"));
        assertThat(batch).extracting(r -> r.getString("decision")).containsExactlyInAnyOrder("pass", "deny", "deny");
        Row malformed = batch.stream().filter(r -> r.getString("issuer") == null).findFirst().orElseThrow();
        assertThat(malformed.getString("subject")).isNull();
        assertThat(malformed.getString("decision")).isEqualTo("deny");

        Row image = rows("gate = 'SH-L1-XUJIAHUI-K3'").get(0);
        assertThat(image.getString("place")).isEqualTo("SH-XUJIAHUI");
        assertThat(image.getString("subject")).isNotNull();

        Row document = rows("gate = 'PVG-T2-DESK-1'").get(0);
        assertThat(document.getString("place")).isEqualTo("PVG-T2-DESK-1"); // no prefix: the gate is its place
        assertThat(document.getString("document")).matches("[0-9a-f]{64}");
        assertThat(document.getString("subject")).isNull();

        String everything = String.join("\n", db.query("SELECT p::text FROM passages p").stream()
                .map(r -> r.getString(0)).toList());
        for (String secret : List.of(single, first, second, pictured, "HC1:garbage", NUMBER, "127.0.0.1")) {
            assertThat(everything).doesNotContain(secret);
        }
        assertThat(db.count("SELECT count(DISTINCT id) FROM passages")).isEqualTo(6);
    }
}
