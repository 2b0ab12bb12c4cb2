package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.AnchoredTrust;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.TestData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline {@code verify} command holds a trust list to the same rule as the gateway: with a trust anchor
 * configured it judges nothing under a list the anchor did not sign (exit 2), and judges as usual under one it did.
 */
class OfflineVerifyNeedsTheAnchorsSignatureTooTest {

    @Test
    void unsignedListRefused_signedListJudges(@TempDir Path dir) {
        AnchoredTrust trust = new AnchoredTrust(dir).writeTestList();
        long now = TestData.VECTORS_NOW;
        String code = TestData.minter("330100").mint(CodeClaims.typical("330100", "s-offline-anchor", Colour.GREEN,
                now - 5, 600, new SplittableRandom(1)::nextInt));
        Map<String, String> env = Map.of("HC_TRUST_ANCHOR", trust.anchorFile().toString());
        Clock clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);

        CliRun unsigned = CliRun.of(env, clock, "verify", "--trust", trust.file().toString(), code);
        assertThat(unsigned.rc()).isEqualTo(2);
        assertThat(unsigned.err()).contains(trust.signatureFile().toString()).contains("missing");
        assertThat(unsigned.out()).isEmpty();

        trust.sign();
        CliRun signed = CliRun.of(env, clock, "verify", "--trust", trust.file().toString(), code);
        assertThat(signed.rc()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("\"decision\":\"pass\"");
    }
}
