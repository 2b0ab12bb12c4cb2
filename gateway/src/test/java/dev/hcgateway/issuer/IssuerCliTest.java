package dev.hcgateway.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.hcn1.Hcn1Decoder;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.image.DecodeResult;
import dev.hcgateway.image.ImageFormat;
import dev.hcgateway.image.ImageMetrics;
import dev.hcgateway.image.QrDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.hcgateway.support.TestData;
import dev.hcgateway.support.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.hcgateway.model.HealthCode;

/** The issuer tools of the jar's command line: keys, trust-list entries, minting and QR images that verifiers read back. */
class IssuerCliTest {

    @TempDir
    Path dir;
    @Test
    void keyFromPkcs8_testIssuer_derivesThePublishedPublicKey() {
        IssuerKey key = TestData.issuerKey("330100");
        String published = new String(TestData.resource("330100.pub"), StandardCharsets.US_ASCII).trim();
        assertThat(key.publicKeyBase64()).isEqualTo(published);
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(key.kid())).isEqualTo("-70Ja032BjY");
    }

    @Test
    void keygenThenMintThenQr_roundTrip_decodesToTheMintedClaims() throws Exception {
        String prefix = dir.resolve("440300").toString();
        CliRun keygen = CliRun.of("keygen", "--issuer", "440300", "--out", prefix);
        assertThat(keygen.rc()).isZero();
        assertThat(keygen.out()).contains("\"id\" : \"440300\"").contains("\"crv\" : \"P-256\"");
        Path png = dir.resolve("code.png");
        CliRun mint = CliRun.of("mint", "--key", prefix + ".key", "--issuer", "440300", "--subject", "s-cli-1",
            "--colour", "yellow", "--kind", "proxy", "--relation", "parent", "--count", "2", "--qr", png.toString());
        assertThat(mint.rc()).as(mint.err()).isZero();
        String[] codes = mint.out().trim().split("\n");
        assertThat(codes).hasSize(2).doesNotHaveDuplicates();
        Decoded.Signed<HealthCode> decoded = (Decoded.Signed<HealthCode>) new Hcn1Decoder().decode(codes[0]);
        assertThat(decoded.claims().subject()).isEqualTo("s-cli-1");
        assertThat(decoded.claims().relation()).isEqualTo("parent");
        // Read back with the gateway's own image decoder, as /v1/verify/image would.
        DecodeResult read = new QrDecoder(16_000_000, new ImageMetrics(new SimpleMeterRegistry()))
                .decode(Files.readAllBytes(png), ImageFormat.PNG, System.nanoTime() + 10_000_000_000L);
        assertThat(read).isInstanceOf(DecodeResult.Found.class);
        assertThat(((DecodeResult.Found) read).text()).isEqualTo(codes[0]);
    }
}
