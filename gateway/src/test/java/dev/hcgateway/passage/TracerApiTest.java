package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.PgDatabase;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracer API over passages scanned through the gateway: only its own token opens it; companions are the
 * other people at the same place within the window; pages, windows and errors as the contract says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracerApiTest {

    private static final String PEOPLESQ = "SH-L2-PEOPLESQ-G01";
    private static final String XUJIAHUI = "SH-L1-XUJIAHUI-G01";
    private static final long T0 = TestData.VECTORS_NOW;

    private PgDatabase db;
    private PassageGateway gw;
    private String a;
    private String b;

    @BeforeAll
    void scan() throws Exception {
        db = new PgDatabase();
        gw = new PassageGateway(java.nio.file.Files.createTempDirectory("hc-tracer-journal"), db.url(), Map.of());
        a = scan("s-a", PEOPLESQ);        // t0, People's Square
        gw.clock.advanceSeconds(5 * 60);
        scan("s-c", XUJIAHUI);            // t0+5: another place
        gw.clock.advanceSeconds(5 * 60);
        b = scan("s-b", PEOPLESQ);        // t0+10: a companion
        gw.clock.advanceSeconds(2 * 60);
        scan("s-a", PEOPLESQ);            // t0+12: A again, not A's own companion
        gw.clock.advanceSeconds(38 * 60);
        scan("s-d", PEOPLESQ);            // t0+50: too late for ±30 min of A's passages
        Eventually.within(Duration.ofSeconds(20), "5 passages stored",
                () -> db.rows("passages") == 5);
    }

    /** Scans a fresh green code of a subject at a gate, now; returns the subject the gateway answered. */
    private String scan(String subject, String gate) {
        long now = gw.clock.millis() / 1000;
        String code = TestData.minter("330100").mint(CodeClaims.typical("330100", subject, Colour.GREEN, now, 3600,
                new Random(now)));
        JsonObject answer = gw.verify(code, gate);
        assertThat(answer.getString("decision")).as(answer.encode()).isEqualTo("pass");
        return answer.getString("subject");
    }

    @AfterAll
    void stop() throws Exception {
        gw.close();
        db.close();
    }

    private static String at(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    private JsonObject tracer(String pathAndQuery, int status) {
        var response = gw.get(pathAndQuery, "Bearer " + PassageGateway.TRACER);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        return response.bodyAsJsonObject();
    }

    @Test
    void noToken_wrongToken_adminToken_allUnauthorized() {
        String query = "/tracer/v1/passages?place=SH-PEOPLESQ&from=" + at(T0 - 3600) + "&to=" + at(T0 + 3600);
        for (String authorization : new String[]{null, "Bearer not-the-tracer-token-00", "Bearer " + PassageGateway.ADMIN}) {
            var response = gw.get(query, authorization);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");
            assertThat(response.bodyAsString()).doesNotContain("SH-PEOPLESQ");
        }
    }

    @Test
    void companions_samePlaceWithinWindow_only_notThePersonThemselves() {
        JsonObject answer = tracer("/tracer/v1/companions?issuer=330100&subject=" + a + "&from=" + at(T0 - 3600)
                + "&to=" + at(T0 + 7200) + "&withinMinutes=30", 200);
        JsonArray companions = answer.getJsonArray("companions");
        assertThat(companions).hasSize(1);
        JsonObject companion = companions.getJsonObject(0);
        assertThat(companion.getString("subject")).isEqualTo(b);
        assertThat(companion.getString("issuer")).isEqualTo("330100");
        assertThat(companion.getInteger("count")).isEqualTo(2); // near A's t0 and A's t0+12 passages
        assertThat(companion.getJsonArray("encounters").getJsonObject(0))
                .isEqualTo(new JsonObject().put("place", "SH-PEOPLESQ").put("at", at(T0))
                        .put("companionAt", at(T0 + 600)));
    }

    @Test
    void passagesByPlace_oldestFirst_pagedByCursor() {
        String base = "/tracer/v1/passages?place=SH-PEOPLESQ&from=" + at(T0 - 3600) + "&to=" + at(T0 + 7200);
        JsonObject first = tracer(base + "&limit=3", 200);
        assertThat(first.getJsonArray("passages")).hasSize(3);
        assertThat(first.getJsonArray("passages").getJsonObject(0).getString("subject")).isEqualTo(a);
        assertThat(first.getString("next")).isNotNull();
        JsonObject second = tracer(base + "&limit=3&cursor=" + first.getString("next"), 200);
        assertThat(second.getJsonArray("passages")).hasSize(1);
        assertThat(second.getValue("next")).isNull();
        assertThat(second.getJsonArray("passages").getJsonObject(0).getString("at")).isEqualTo(at(T0 + 3000));
    }

    @Test
    void passagesOfAPerson_itineraryOnly() {
        JsonObject answer = tracer("/tracer/v1/passages?issuer=330100&subject=" + a + "&from=" + at(T0 - 3600)
                + "&to=" + at(T0 + 7200), 200);
        assertThat(answer.getJsonArray("passages")).hasSize(2)
                .allSatisfy(p -> assertThat(((JsonObject) p).getString("subject")).isEqualTo(a));
    }

    @Test
    void badWindowsAndParameters_are400() {
        String window = "&from=" + at(T0 - 3600) + "&to=" + at(T0 + 7200);
        assertThat(tracer("/tracer/v1/passages?place=SH-PEOPLESQ&from=" + at(T0), 400).getString("error"))
                .isEqualTo("invalid_window");
        assertThat(tracer("/tracer/v1/passages?place=P&from=" + at(T0 - 22 * 86400) + "&to=" + at(T0), 400)
                .getString("error")).isEqualTo("invalid_window");
        assertThat(tracer("/tracer/v1/passages?place=P&issuer=330100&subject=x" + window, 400).getString("error"))
                .isEqualTo("missing_parameter");
        assertThat(tracer("/tracer/v1/passages?place=P&limit=1001" + window, 400).getString("error"))
                .isEqualTo("invalid_parameter");
        assertThat(tracer("/tracer/v1/companions?place=P" + window, 400).getString("error"))
                .isEqualTo("missing_parameter");
    }

    @Test
    void withoutAStore_tracerAnswers503NotConfigured(@TempDir Path other) throws Exception {
        try (PassageGateway local = new PassageGateway(other, null, Map.of())) {
            var response = local.get("/tracer/v1/passages?place=P&from=" + at(T0) + "&to=" + at(T0 + 60),
                    "Bearer " + PassageGateway.TRACER);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("passages_store_not_configured");
        }
    }
}
