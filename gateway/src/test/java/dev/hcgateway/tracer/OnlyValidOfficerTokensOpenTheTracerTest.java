package dev.hcgateway.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.PgDatabase;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Officer JWTs open the tracer only when signed (ES256 or RS256) by a key of the identity provider's JWKS file and
 * not expired by the gateway's clock: an expired, unsigned or foreign-signed token, and the admin token, are 401. A
 * key added to the file is used once the file is read again; the shared token stays officer {@code shared-token}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlyValidOfficerTokensOpenTheTracerTest {

    private OfficerGateway officers;
    private PgDatabase db;
    private PassageGateway gw;
    private Path jwks;
    private IdentityProvider es256;
    private IdentityProvider rs256;
    private IdentityProvider foreign;
    private String query;

    @BeforeAll
    void start() throws Exception {
        officers = new OfficerGateway();
        db = officers.db;
        jwks = officers.jwks;
        es256 = officers.provider("ES256", "idp-ec");
        rs256 = officers.provider("RS256", "idp-rsa");
        foreign = officers.provider("ES256", "idp-ec"); // same kid, another key
        gw = officers.start(List.of(es256, rs256), Map.of("tracer.jwksReloadMs", 100));
        // One passage stored: the store's schema and partitions are made (making them locks the table a while).
        gw.scanGreen("s-officers", "SH-L2-PEOPLESQ-G01");
        Eventually.within(Duration.ofSeconds(20), "the passage stored", () -> db.rows("passages") == 1);
        query = "/tracer/v1/passages?case=SH-2026-0100&place=SH-PEOPLESQ&from="
                + Instant.ofEpochSecond(TestData.VECTORS_NOW - 3600) + "&to="
                + Instant.ofEpochSecond(TestData.VECTORS_NOW + 3600);
    }

    @AfterAll
    void stop() throws Exception {
        officers.close();
    }

    private long now() {
        return gw.clock.millis() / 1000;
    }

    private int status(String token) {
        var response = gw.get(query, "Bearer " + token);
        if (response.statusCode() >= 500) {
            throw new AssertionError(response.statusCode() + " " + response.bodyAsString());
        }
        return response.statusCode();
    }

    @Test
    void es256AndRs256OfficerTokens_open() {
        assertThat(status(es256.token("officer-1", "Chen Jing", now() + 600, "tracer"))).isEqualTo(200);
        assertThat(status(rs256.token("officer-2", "Liu Yang", now() + 600, "tracer", "supervisor"))).isEqualTo(200);
        var me = gw.get("/tracer/v1/me", "Bearer " + rs256.token("officer-2", "Liu Yang", now() + 600, "tracer",
                "supervisor"));
        assertThat(me.bodyAsJsonObject()).isEqualTo(new JsonObject().put("officer", "officer-2").put("name", "Liu Yang")
                .put("roles", new JsonArray().add("supervisor").add("tracer")));
    }

    @Test
    void expired_unsigned_foreignSigned_malformed_orAdminToken_are401() {
        JsonObject claims = new JsonObject().put("sub", "officer-1").put("name", "Chen Jing").put("exp", now() + 600)
                .put("roles", new JsonArray().add("tracer"));
        assertThat(status(es256.token("officer-1", "Chen Jing", now() - 60, "tracer"))).isEqualTo(401); // past leeway
        assertThat(status(IdentityProvider.unsigned(claims))).isEqualTo(401);
        assertThat(status(IdentityProvider.unsigned(claims).replaceAll("\\.$", ""))).isEqualTo(401);
        assertThat(status(foreign.token(claims))).isEqualTo(401);
        assertThat(status(es256.token(claims.copy().put("exp", "tomorrow")))).isEqualTo(401);
        assertThat(status(es256.token(claims.copy().putNull("sub")))).isEqualTo(401);
        assertThat(status(es256.token(claims))).isEqualTo(200);
        JsonObject noExp = claims.copy();
        noExp.remove("exp");
        assertThat(status(es256.token(noExp))).isEqualTo(401);
        assertThat(status(PassageGateway.ADMIN)).isEqualTo(401);
        // The gateway's clock decides: a token valid by the wall clock but expired by the gateway's clock is refused.
        String soon = es256.token("officer-1", "Chen Jing", now() + 120, "tracer");
        assertThat(status(soon)).isEqualTo(200);
        gw.clock.advanceSeconds(300);
        try {
            assertThat(status(soon)).isEqualTo(401);
        } finally {
            gw.clock.advanceSeconds(-300);
        }
    }

    @Test
    void tokenWithoutTheTracerRole_is403() {
        var response = gw.get(query, "Bearer " + es256.token("officer-9", "Sun Li", now() + 600, "supervisor"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(gw.get(query, "Bearer " + es256.token("officer-9", "Sun Li", now() + 600)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void keyAddedToTheJwksFile_isUsedOnceReadAgain() throws Exception {
        IdentityProvider rotated = officers.provider("ES256", "idp-ec-2026");
        String token = rotated.token("officer-3", "Ma Hui", now() + 600, "tracer");
        assertThat(status(token)).isEqualTo(401);
        IdentityProvider.writeJwks(jwks, List.of(es256, rs256, rotated));
        Eventually.within(Duration.ofSeconds(10), "the new key read", () -> status(token) == 200);
        Files.writeString(jwks, "{\"keys\": [{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}]}"); // unusable: last good stays
        Eventually.within(Duration.ofSeconds(10), "the bad file seen",
                () -> gw.gateway.counted("hc_tracer_officer_keys_failures") > 0);
        assertThat(status(token)).isEqualTo(200);
        IdentityProvider.writeJwks(jwks, List.of(es256, rs256));
    }
}
