package dev.hcgateway.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.PgDatabase;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracer API over passages scanned through the gateway: only its own credentials open it; every query names
 * its case; companions are the other people at the same place within the window, each encounter listed once, from a
 * person or from an identity document; pages, windows, retention and errors as the contract says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracerApiTest {

    private static final String PEOPLESQ = "SH-L2-PEOPLESQ-G01";
    private static final String XUJIAHUI = "SH-L1-XUJIAHUI-G01";
    private static final String NUMBER = "11010519491231002X";
    private static final long T0 = TestData.VECTORS_NOW;

    private PgDatabase db;
    private PassageGateway gw;
    private String a;
    private String b;
    private String document;

    @BeforeAll
    void scan() throws Exception {
        db = new PgDatabase();
        gw = new PassageGateway(Files.createTempDirectory("hc-tracer-journal"), db.url(), Map.of());
        a = gw.scanGreen("s-a", PEOPLESQ);        // t0, People's Square
        gw.clock.advanceSeconds(5 * 60);
        gw.scanGreen("s-c", XUJIAHUI);            // t0+5: another place
        gw.clock.advanceSeconds(5 * 60);
        b = gw.scanGreen("s-b", PEOPLESQ);        // t0+10: a companion
        gw.clock.advanceSeconds(60);
        gw.post("/v1/verify/document", new JsonObject().put("type", "resident_id").put("number", NUMBER)
                .put("scene", "metro").put("gate", "SH-L2-PEOPLESQ-G03")); // t0+11: an identity document
        gw.clock.advanceSeconds(60);
        gw.scanGreen("s-a", PEOPLESQ);            // t0+12: A again, not A's own companion
        gw.clock.advanceSeconds(38 * 60);
        gw.scanGreen("s-d", PEOPLESQ);            // t0+50: too late for ±30 min of A's and the document's passages
        Eventually.within(Duration.ofSeconds(20), "6 passages stored", () -> db.rows("passages") == 6);
        document = db.query("SELECT document FROM passages WHERE document IS NOT NULL").get(0).getString(0);
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
        String query = "/tracer/v1/passages?case=C-1&place=SH-PEOPLESQ&from=" + at(T0 - 3600) + "&to=" + at(T0 + 3600);
        for (String authorization : new String[]{null, "Bearer not-the-tracer-token-00", "Bearer " + PassageGateway.ADMIN}) {
            var response = gw.get(query, authorization);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");
            assertThat(response.bodyAsString()).doesNotContain("SH-PEOPLESQ");
        }
    }

    @Test
    void queryWithoutACase_orAMalformedOne_is400CaseRequired() {
        String window = "&from=" + at(T0 - 3600) + "&to=" + at(T0 + 7200);
        for (String query : new String[]{"/tracer/v1/passages?place=SH-PEOPLESQ" + window,
                "/tracer/v1/companions?issuer=330100&subject=" + a + window,
                "/tracer/v1/passages?case=&place=SH-PEOPLESQ" + window,
                "/tracer/v1/passages?case=%20%20&place=SH-PEOPLESQ" + window,
                "/tracer/v1/passages?case=C%0A1&place=SH-PEOPLESQ" + window,
                "/tracer/v1/passages?case=" + "C".repeat(65) + "&place=SH-PEOPLESQ" + window,
                "/tracer/v1/passages?case=C-1&case=C-2&place=SH-PEOPLESQ" + window}) {
            JsonObject answer = tracer(query, 400);
            assertThat(answer.getString("error")).as(query).isEqualTo("case_required");
            assertThat(answer.containsKey("passages")).isFalse();
        }
        // 64 characters, Chinese included, is a case.
        String longCase = URLEncoder.encode("沪疾控流调" + "-".repeat(59), StandardCharsets.UTF_8);
        assertThat(tracer("/tracer/v1/passages?case=" + longCase + "&place=SH-PEOPLESQ" + window, 200)
                .getJsonArray("passages")).hasSize(5);
    }

    @Test
    void companions_samePlaceWithinWindow_eachEncounterOnce_notThePersonThemselves() {
        JsonObject answer = tracer("/tracer/v1/companions?case=C-1&issuer=330100&subject=" + a + "&from="
                + at(T0 - 3600) + "&to=" + at(T0 + 7200) + "&withinMinutes=30", 200);
        JsonArray companions = answer.getJsonArray("companions");
        assertThat(companions).hasSize(2);
        JsonObject companion = companions.stream().map(JsonObject.class::cast)
                .filter(c -> b.equals(c.getString("subject"))).findFirst().orElseThrow();
        assertThat(companion.getString("issuer")).isEqualTo("330100");
        // B passed once, between A's two passages: one encounter, paired with A's nearest passage (t0+12), where the
        // join of A's two passages with B's one listed B's passage twice.
        assertThat(companion.getInteger("count")).isEqualTo(1);
        assertThat(companion.getJsonArray("encounters")).containsExactly(new JsonObject().put("place", "SH-PEOPLESQ")
                .put("at", at(T0 + 720)).put("companionAt", at(T0 + 600)));
        assertThat(companions).anySatisfy(c -> assertThat(((JsonObject) c).getString("document")).isEqualTo(document));
    }

    @Test
    void companionsOfAnIdentityDocument_arePeopleAtItsPlacesWithinTheWindow() {
        JsonObject answer = tracer("/tracer/v1/companions?case=C-1&document=" + document + "&from=" + at(T0 - 3600)
                + "&to=" + at(T0 + 7200) + "&withinMinutes=30", 200);
        JsonArray companions = answer.getJsonArray("companions");
        assertThat(companions).hasSize(2); // A (twice), B; not the late s-d, not the document itself
        assertThat(companions.getJsonObject(0).getString("subject")).isEqualTo(a);
        assertThat(companions.getJsonObject(0).getInteger("count")).isEqualTo(2);
        assertThat(companions.getJsonObject(1).getString("subject")).isEqualTo(b);
        assertThat(companions.getJsonObject(1).getJsonArray("encounters").getJsonObject(0))
                .isEqualTo(new JsonObject().put("place", "SH-PEOPLESQ").put("at", at(T0 + 660))
                        .put("companionAt", at(T0 + 600)));
        assertThat(tracer("/tracer/v1/companions?case=C-1&document=ABC&from=" + at(T0) + "&to=" + at(T0 + 60), 400)
                .getString("error")).isEqualTo("invalid_parameter");
    }

    @Test
    void passagesByPlace_oldestFirst_pagedByCursor() {
        String base = "/tracer/v1/passages?case=C-1&place=SH-PEOPLESQ&from=" + at(T0 - 3600) + "&to=" + at(T0 + 7200);
        JsonObject first = tracer(base + "&limit=3", 200);
        assertThat(first.getJsonArray("passages")).hasSize(3);
        assertThat(first.getJsonArray("passages").getJsonObject(0).getString("subject")).isEqualTo(a);
        assertThat(first.getString("next")).isNotNull();
        JsonObject second = tracer(base + "&limit=3&cursor=" + first.getString("next"), 200);
        assertThat(second.getJsonArray("passages")).hasSize(2);
        assertThat(second.getValue("next")).isNull();
        assertThat(second.getJsonArray("passages").getJsonObject(1).getString("at")).isEqualTo(at(T0 + 3000));
    }

    @Test
    void passagesOfAPerson_itineraryOnly_andOfADocument() {
        JsonObject answer = tracer("/tracer/v1/passages?case=C-1&issuer=330100&subject=" + a + "&from="
                + at(T0 - 3600) + "&to=" + at(T0 + 7200), 200);
        assertThat(answer.getJsonArray("passages")).hasSize(2)
                .allSatisfy(p -> assertThat(((JsonObject) p).getString("subject")).isEqualTo(a));
        assertThat(tracer("/tracer/v1/passages?case=C-1&document=" + document + "&from=" + at(T0 - 3600) + "&to="
                + at(T0 + 7200), 200).getJsonArray("passages")).hasSize(1);
    }

    @Test
    void passagePastRetention_isNeverReturned_evenWhileItsDayIsKept() {
        long now = gw.clock.millis();
        long floor = now - 21 * Params.DAY;
        for (long at : new long[]{floor - 3_600_000, floor + 3_600_000}) {
            db.query("INSERT INTO passages (id, at, gate, place, scene, decision, reason, degraded) "
                    + "VALUES (gen_random_uuid(), $1, 'SH-OLD-G1', 'SH-OLD', 'metro', 'pass', 'ok', false)", at);
        }
        JsonArray passages = tracer("/tracer/v1/passages?case=C-1&place=SH-OLD&from="
                + Instant.ofEpochMilli(floor - 7_200_000) + "&to=" + Instant.ofEpochMilli(now - 7_200_000), 200)
                .getJsonArray("passages");
        assertThat(passages).hasSize(1);
        assertThat(passages.getJsonObject(0).getString("at")).isEqualTo(Instant.ofEpochMilli(floor + 3_600_000)
                .toString());
    }

    @Test
    void badWindowsAndParameters_are400() {
        String window = "&from=" + at(T0 - 3600) + "&to=" + at(T0 + 7200);
        assertThat(tracer("/tracer/v1/passages?case=C-1&place=SH-PEOPLESQ&from=" + at(T0), 400).getString("error"))
                .isEqualTo("invalid_window");
        assertThat(tracer("/tracer/v1/passages?case=C-1&place=P&from=" + at(T0 - 22 * 86400) + "&to=" + at(T0), 400)
                .getString("error")).isEqualTo("invalid_window");
        assertThat(tracer("/tracer/v1/passages?case=C-1&place=P&issuer=330100&subject=x" + window, 400)
                .getString("error")).isEqualTo("missing_parameter");
        assertThat(tracer("/tracer/v1/passages?case=C-1&place=P&limit=1001" + window, 400).getString("error"))
                .isEqualTo("invalid_parameter");
        assertThat(tracer("/tracer/v1/companions?case=C-1&place=P" + window, 400).getString("error"))
                .isEqualTo("missing_parameter");
        assertThat(tracer("/tracer/v1/passages?case=C-1&place=P&cursor=bm9wZQ" + window, 400).getString("error"))
                .isEqualTo("invalid_cursor");
    }

    @Test
    void withoutAStore_tracerAnswers503NotConfigured(@TempDir Path other) throws Exception {
        try (PassageGateway local = new PassageGateway(other, null, Map.of())) {
            var response = local.get("/tracer/v1/passages?case=C-1&place=P&from=" + at(T0) + "&to=" + at(T0 + 60),
                    "Bearer " + PassageGateway.TRACER);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("passages_store_not_configured");
        }
    }
}
