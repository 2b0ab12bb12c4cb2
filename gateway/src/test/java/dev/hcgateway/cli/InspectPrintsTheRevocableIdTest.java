package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** inspect prints what a code says, above all its id in the form revoke takes; it verifies nothing. */
class InspectPrintsTheRevocableIdTest {

    private static final long IAT = 1_795_300_000L;
    private static final byte[] CTI = HexFormat.of().parseHex("0a1b2c3d4e5f60718293a4b5");
    private final MutableClock clock = new MutableClock(IAT + 10);
    private final String code = new CodeMinter(TestData.issuerKey("330100"), null).mint(
            new CodeClaims("330100", "s-inspect", IAT, IAT + 120, CTI, Colour.YELLOW, IAT - 60, CodeKind.PROXY,
                    "parent", Boolean.TRUE));

    @Test
    void json_carriesIdKidClaimsAndIsoTimes() {
        CliRun run = CliRun.of(Map.of(), clock, "inspect", "--json", code);

        assertThat(run.rc()).as(run.err()).isZero();
        JsonObject j = new JsonObject(run.out());
        assertThat(j.getString("id")).isEqualTo("0a1b2c3d4e5f60718293a4b5");
        assertThat(j.getString("kid")).isEqualTo("-70Ja032BjY");
        assertThat(j.getString("issuer")).isEqualTo("330100");
        assertThat(j.getString("subject")).isEqualTo("s-inspect");
        assertThat(j.getString("kind")).isEqualTo("proxy");
        assertThat(j.getString("relation")).isEqualTo("parent");
        assertThat(j.getString("colour")).isEqualTo("yellow");
        assertThat(j.getBoolean("vaccinated")).isTrue();
        assertThat(j.getString("iat")).isEqualTo("2026-11-21T22:26:40Z");
        assertThat(j.getString("exp")).isEqualTo("2026-11-21T22:28:40Z");
        assertThat(j.getBoolean("expired")).isFalse();
    }

    @Test
    void field_id_printsOnlyTheHexThatRevokeTakes() {
        CliRun run = CliRun.of(Map.of(), clock, "inspect", "--field", "id", code);

        assertThat(run.out().strip()).isEqualTo("0a1b2c3d4e5f60718293a4b5");
        assertThat(new Converters.CodeIdValue().convert(run.out().strip())).isEqualTo("0a1b2c3d4e5f60718293a4b5");
    }

    @Test
    void text_afterExpiry_saysExpiredAndThatNothingWasVerified() {
        clock.advanceSeconds(3600);

        CliRun run = CliRun.of(Map.of(), clock, "inspect", code);

        assertThat(run.out()).containsPattern("id +0a1b2c3d4e5f60718293a4b5").containsPattern("expired +true")
                .contains("not checked");
    }

    @Test
    void undecodable_exitsOneSayingWhy() {
        CliRun run = CliRun.of("inspect", "HCN1:???");
        CliRun unknownField = CliRun.of("inspect", "--field", "name", code);

        assertThat(run.rc()).isEqualTo(1);
        assertThat(run.err()).contains("inspect: not a decodable code (malformed)");
        assertThat(unknownField.rc()).isEqualTo(2);
    }
}
