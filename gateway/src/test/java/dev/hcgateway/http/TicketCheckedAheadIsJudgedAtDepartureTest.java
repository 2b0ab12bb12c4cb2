package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch with {@code at} (ticket pre-verification) judges the codes' time rules as of the departure: a code valid
 * now that will have expired then is {@code expired}; its screenshot age is still measured now (a rail code shown
 * now passes for a departure in half an hour). A departure in the past or beyond 72 hours is a 400
 * {@code invalid_at}. Nobody passed anywhere: such a batch leaves no passage, whatever gate it names.
 */
class TicketCheckedAheadIsJudgedAtDepartureTest {

    private static final long HOUR = 3600;

    @TempDir
    Path journal;
    private PassageGateway gw;
    private long now;
    private String code;

    @BeforeEach
    void start() {
        gw = new PassageGateway(journal, null, Map.of());
        now = gw.clock.millis() / 1000;
        // Valid for one hour from now.
        code = TestData.minter("330100").mint(CodeClaims.typical("330100", "s-ticket-1", Colour.GREEN, now, HOUR,
                new Random(now)));
    }

    @AfterEach
    void stop() throws Exception {
        gw.close();
    }

    private JsonObject batch(Object at) {
        JsonObject body = new JsonObject().put("scene", "rail").put("gate", "ZZ-TICKETS-1")
                .put("codes", new JsonArray().add(code));
        if (at != null) {
            body.put("at", at);
        }
        return body;
    }

    private JsonObject judged(Object at) {
        var response = gw.post("/v1/verify/batch", batch(at));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
    }

    @Test
    void codeExpiringBeforeDeparture_isExpired_oneValidThen_passes_noPassageLeft() {
        JsonObject inHalfAnHour = judged(now + HOUR / 2);
        assertThat(inHalfAnHour.getString("decision")).isEqualTo("pass");
        JsonObject inTwoHours = judged(now + 2 * HOUR);
        assertThat(inTwoHours.getString("decision")).isEqualTo("deny");
        assertThat(inTwoHours.getString("reason")).isEqualTo("expired");
        assertThat(gw.gateway.gauge("hc_passages_journal")).isZero(); // checked ahead: no passage

        assertThat(judged(null).getString("decision")).isEqualTo("pass"); // the same code, now, at the gate
        assertThat(gw.gateway.gauge("hc_passages_journal")).isPositive();
    }

    @Test
    void departureInThePast_beyond72Hours_orNotEpochSeconds_is400InvalidAt() {
        for (Object at : new Object[]{now - HOUR, now + 72 * HOUR + 1, "2026-12-06T08:00:00Z", (now + HOUR) + 0.5,
                true}) {
            var response = gw.post("/v1/verify/batch", batch(at));
            assertThat(response.statusCode()).as(String.valueOf(at)).isEqualTo(400);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_at");
        }
        assertThat(judged(now + 72 * HOUR).getString("reason")).isEqualTo("expired"); // the bound itself is taken
    }
}
