package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.offline.OfflineVerify;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Gateways;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mint --format dcc} with the shipped demo signer makes certificates of every type that the demo trust list
 * passes where the scene accepts DCCs, and that other scenes send to staff; a wrong pairing is refused.
 */
class DemoDccPassesWhereDccsAreAcceptedTest {

    private static final String KEY = "../config/demo/XD-dsc.key";
    private static final String CERT = "../config/demo/XD-dsc.pem";

    private static String mint(String type) {
        CliRun run = CliRun.of("mint", "--format", "dcc", "--dcc-type", type, "--key", KEY, "--cert", CERT,
                "--issuer", "XD", "--subject", "URN:UVCI:01:XD:DEMO-" + type);
        assertThat(run.rc()).as(run.err()).isZero();
        return run.out().strip();
    }

    /** Judges offline as the verify command does (it writes to the process's own streams, so it is called here). */
    private static String verify(String scene, String code) {
        StringWriter out = new StringWriter();
        int rc = new OfflineVerify(Gateways.config(Map.of()), Clock.systemUTC())
                .run(Path.of("../config/demo/trust.json"), scene, null, List.of(code), InputStream.nullInputStream(),
                        new PrintWriter(out, true), new PrintWriter(Writer.nullWriter()));
        assertThat(rc).isZero();
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vaccination", "test", "recovery"})
    void everyType_passesAtTheAirportAndRail_manualAtTheMetro(String type) {
        String dcc = mint(type);

        assertThat(verify("airport", dcc)).contains("\"decision\":\"pass\"").contains("\"certificateType\":\"" + type);
        assertThat(verify("rail", dcc)).contains("\"decision\":\"pass\"");
        assertThat(verify("metro", dcc)).contains("\"decision\":\"manual\"").contains("format_not_accepted");
    }

    @Test
    void keyOfAnotherSigner_isRefusedBeforeMinting() {
        CliRun run = CliRun.of("mint", "--format", "dcc", "--key", "../config/demo/330100.key", "--cert", CERT,
                "--issuer", "XD", "--subject", "URN:UVCI:01:XD:X");

        assertThat(run.rc()).isEqualTo(1);
        assertThat(run.err()).contains("the key is not the signer certificate's").doesNotContain("\tat ");
    }

    @Test
    void dccWithoutCertificateOrWithABadCountry_isAUsageError() {
        assertThat(CliRun.of("mint", "--format", "dcc", "--key", KEY, "--issuer", "XD", "--subject", "U").err())
                .contains("--format dcc needs --cert FILE");
        CliRun badCountry = CliRun.of("mint", "--format", "dcc", "--key", KEY, "--cert", CERT, "--issuer", "330100",
                "--subject", "U");
        assertThat(badCountry.rc()).isEqualTo(2);
        assertThat(badCountry.err()).contains("two capital letters");
        assertThat(CliRun.of("mint", "--format", "qr", "--key", KEY, "--issuer", "XD", "--subject", "U").rc())
                .isEqualTo(2);
    }
}
