package dev.hcgateway.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.PgDatabase;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every tracer query leaves a row in {@code tracer_audit} (officer, case, kind, parameters, rows answered) before it
 * is answered, and a query whose row cannot be written is not answered. Only supervisors read the audit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryTracerQueryIsAuditedTest {

    private static final long T0 = TestData.VECTORS_NOW;

    private OfficerGateway officers;
    private PgDatabase db;
    private PassageGateway gw;
    private IdentityProvider idp;
    private String subject;

    @BeforeAll
    void start() throws Exception {
        officers = new OfficerGateway();
        db = officers.db;
        idp = officers.provider("ES256", "idp-1");
        gw = officers.start(List.of(idp), Map.of());
        subject = gw.scanGreen("s-audit", "SH-L2-PEOPLESQ-G01");
        Eventually.within(Duration.ofSeconds(20), "the passage stored", () -> db.rows("passages") == 1);
        // A first query makes the audit table (the gateway makes it at its first query, or `gateway migrate` does).
        assertThat(gw.get("/tracer/v1/passages?case=SH-2026-0001&place=SH-PEOPLESQ" + window(),
                "Bearer " + PassageGateway.TRACER).statusCode()).isEqualTo(200);
    }

    @AfterAll
    void stop() throws Exception {
        officers.close();
    }

    private String officer(String sub, String name, String... roles) {
        return "Bearer " + idp.token(sub, name, gw.clock.millis() / 1000 + 3600, roles);
    }

    private String window() {
        return "&from=" + Instant.ofEpochSecond(T0 - 3600) + "&to=" + Instant.ofEpochSecond(T0 + 3600);
    }

    private List<Row> audit(String caseId) {
        return db.query("SELECT officer, officer_name, case_id, kind, parameters, row_count, at FROM tracer_audit "
                + "WHERE case_id = $1 ORDER BY id", caseId);
    }

    @Test
    void officerJwt_answers_andTheAuditRowNamesOfficerCaseQueryAndRows() {
        var response = gw.get("/tracer/v1/passages?case=SH-2026-0042&issuer=330100&subject=" + subject + window(),
                officer("officer-17", "Wang Fang", "tracer"));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getJsonArray("passages")).hasSize(1);
        List<Row> rows = audit("SH-2026-0042");
        assertThat(rows).hasSize(1);
        Row row = rows.get(0);
        assertThat(row.getString(0)).isEqualTo("officer-17");
        assertThat(row.getString(1)).isEqualTo("Wang Fang");
        assertThat(row.getString(3)).isEqualTo("passages_by_person");
        assertThat(row.getJsonObject(4)).isEqualTo(new JsonObject().put("issuer", "330100").put("subject", subject)
                .put("from", Instant.ofEpochSecond(T0 - 3600).toString())
                .put("to", Instant.ofEpochSecond(T0 + 3600).toString()).put("limit", 100));
        assertThat(row.getInteger(5)).isEqualTo(1);
        assertThat(row.getLong(6)).isEqualTo(gw.clock.millis());
    }

    @Test
    void sharedToken_queriesAreAuditedAsSharedToken() {
        var response = gw.get("/tracer/v1/companions?case=SH-2026-0043&issuer=330100&subject=" + subject + window(),
                "Bearer " + PassageGateway.TRACER);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        List<Row> rows = audit("SH-2026-0043");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString(0)).isEqualTo("shared-token");
        assertThat(rows.get(0).getString(3)).isEqualTo("companions_of_person");
        assertThat(rows.get(0).getInteger(5)).isZero();
    }

    @Test
    void documentHash_isAuditedWithItsType_neverTheNumber() {
        var response = gw.post("/tracer/v1/document-hash", new JsonObject().put("type", "passport")
                .put("number", "E12345678").put("case", "SH-2026-0044"));
        assertThat(response.statusCode()).isEqualTo(401); // no credentials
        var hashed = gw.post("/tracer/v1/document-hash", new JsonObject().put("type", "passport")
                .put("number", "E12345678").put("case", "SH-2026-0044"), officer("officer-17", "Wang Fang", "tracer"));
        assertThat(hashed.statusCode()).as(hashed.bodyAsString()).isEqualTo(200);
        List<Row> rows = audit("SH-2026-0044");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString(3)).isEqualTo("document_hash");
        assertThat(rows.get(0).getJsonObject(4)).isEqualTo(new JsonObject().put("type", "passport"));
        assertThat(db.count("SELECT count(*) FROM tracer_audit WHERE parameters::text LIKE '%E12345678%'")).isZero();
    }

    @Test
    void auditRead_forbiddenToATracer_answersASupervisorTheRows() {
        gw.get("/tracer/v1/passages?case=SH-2026-0045&place=SH-PEOPLESQ" + window(),
                officer("officer-21", "Li Lei", "tracer"));
        String audit = "/tracer/v1/audit?from=" + Instant.ofEpochSecond(T0 - 86400) + "&to="
                + Instant.ofEpochSecond(T0 + 86400) + "&case=SH-2026-0045";
        var forbidden = gw.get(audit, officer("officer-21", "Li Lei", "tracer"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
        assertThat(forbidden.bodyAsString()).doesNotContain("officer-21");
        assertThat(gw.get(audit, "Bearer " + PassageGateway.TRACER).statusCode()).isEqualTo(403);

        var answer = gw.get(audit, officer("supervisor-3", "Zhao Min", "supervisor"));
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        JsonObject row = answer.bodyAsJsonObject().getJsonArray("audit").getJsonObject(0);
        assertThat(answer.bodyAsJsonObject().getJsonArray("audit")).hasSize(1);
        assertThat(row.getString("officer")).isEqualTo("officer-21");
        assertThat(row.getString("officerName")).isEqualTo("Li Lei");
        assertThat(row.getString("case")).isEqualTo("SH-2026-0045");
        assertThat(row.getString("kind")).isEqualTo("passages_by_place");
        assertThat(row.getJsonObject("parameters").getString("place")).isEqualTo("SH-PEOPLESQ");
        assertThat(row.getInteger("rows")).isEqualTo(1);
        // The supervisor's read is itself audited, under the officer filter too.
        var bySupervisor = gw.get("/tracer/v1/audit?from=" + Instant.ofEpochSecond(T0 - 86400) + "&to="
                + Instant.ofEpochSecond(T0 + 86400) + "&officer=supervisor-3", officer("supervisor-3", "Zhao Min",
                "supervisor"));
        assertThat(bySupervisor.bodyAsJsonObject().getJsonArray("audit")).isNotEmpty()
                .allSatisfy(r -> assertThat(((JsonObject) r).getString("kind")).isEqualTo("audit"));
    }

    @Test
    void auditStoreCannotWrite_queryAnswers503_andNoRows() {
        db.query("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'audit disk full'; END $$");
        db.query("CREATE TRIGGER refuse BEFORE INSERT ON tracer_audit FOR EACH ROW EXECUTE FUNCTION refuse()");
        try {
            var response = gw.get("/tracer/v1/passages?case=SH-2026-0046&issuer=330100&subject=" + subject
                    + window(), officer("officer-17", "Wang Fang", "tracer"));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("audit_unavailable");
            assertThat(response.bodyAsJsonObject().fieldNames()).containsExactlyInAnyOrder("error", "message");
            assertThat(response.bodyAsString()).doesNotContain(subject);
            assertThat(gw.gateway.counted("hc_tracer_audit_failures")).isPositive();
        } finally {
            db.query("DROP TRIGGER refuse ON tracer_audit");
        }
        assertThat(audit("SH-2026-0046")).isEmpty();
    }
}
