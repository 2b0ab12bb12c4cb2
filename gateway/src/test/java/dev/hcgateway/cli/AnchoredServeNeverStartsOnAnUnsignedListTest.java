package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.support.AnchoredTrust;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Gateways;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve with a trust anchor ({@code HC_TRUST_ANCHOR}) refuses a list the anchor did not sign: exit 2 and one line
 * naming the file, before any port is opened; so it does an anchor it cannot read.
 */
class AnchoredServeNeverStartsOnAnUnsignedListTest {

    @TempDir
    Path dir;
    private AnchoredTrust trust;

    @BeforeEach
    void list() {
        trust = new AnchoredTrust(dir).writeTestList();
    }

    private CliRun serve(String anchor) {
        return CliRun.of(Map.of("HC_TRUST_FILE", trust.file().toString(), "HC_TRUST_ANCHOR", anchor,
                "HC_STATE_DIR", Gateways.freshStateDir()), Clock.systemUTC(), "serve", "--port", "0",
                "--host", "127.0.0.1");
    }

    private static void assertOneLineRefusal(CliRun run, String... naming) {
        assertThat(run.rc()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("configuration error: ").contains(naming);
    }

    @Test
    void noSignatureFile_exitsTwoNamingIt() {
        assertOneLineRefusal(serve(trust.anchorFile().toString()), trust.signatureFile().toString(), "missing");
    }

    @Test
    void signedByAnotherKey_exitsTwoNamingTheSignatureFile() throws Exception {
        trust.signWith(IssuerKey.generate("impostor"));

        assertOneLineRefusal(serve(trust.anchorFile().toString()), trust.signatureFile().toString(),
                "does not verify");
    }

    @Test
    void listChangedAfterSigning_exitsTwo() throws Exception {
        trust.sign();
        Files.writeString(trust.file(), Files.readString(trust.file()) + " ");

        assertOneLineRefusal(serve(trust.anchorFile().toString()), "does not verify");
    }

    @Test
    void signatureNotAJws_exitsTwoSayingWhy() throws Exception {
        Files.writeString(trust.signatureFile(), "not a signature\n");

        assertOneLineRefusal(serve(trust.anchorFile().toString()), trust.signatureFile().toString(), "compact JWS");
    }

    @Test
    void anchorFileMissing_exitsTwoNamingIt() {
        String absent = dir.resolve("absent-anchor.pem").toString();

        assertOneLineRefusal(serve(absent), absent, "no such file");
    }
}
