package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.AnchoredTrust;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.trust.TrustAnchor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trust sign --key ANCHOR.key TRUST.json} writes {@code TRUST.json.jws}, which the anchor's public key
 * verifies over the file's bytes; the key may be PEM (as openssl writes it) or the project's base64 key file; a
 * file that is no trust list, or a key that is no key, is refused (exit 1) and nothing is written.
 */
class TrustSignWritesASignatureTheAnchorVerifiesTest {

    @TempDir
    Path dir;

    private void assertSignedByTheAnchor(AnchoredTrust trust) throws Exception {
        byte[] content = Files.readAllBytes(trust.file());
        assertThat(TrustAnchor.read(trust.anchorFile()).check(content, Files.readAllBytes(trust.signatureFile()),
                "s")).isInstanceOf(TrustAnchor.Signed.class);
    }

    @Test
    void pemPrivateKey_writesTheJwsBesideTheFile() throws Exception {
        AnchoredTrust trust = new AnchoredTrust(dir).writeTestList();
        Path key = Files.writeString(dir.resolve("anchor.key"), AnchoredTrust.pem("PRIVATE KEY",
                trust.anchor().privateKey().getEncoded()));

        CliRun run = CliRun.of("trust", "sign", "--key", key.toString(), trust.file().toString());

        assertThat(run.rc()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(trust.signatureFile().toString());
        assertSignedByTheAnchor(trust);
    }

    @Test
    void projectKeyFile_signsToo_andSigningAgainReplacesTheSignature() throws Exception {
        AnchoredTrust trust = new AnchoredTrust(dir).writeTestList();
        Path key = Files.writeString(dir.resolve("anchor.key"), trust.anchor().privateKeyBase64() + "\n");
        assertThat(CliRun.of("trust", "sign", "--key", key.toString(), trust.file().toString()).rc()).isZero();

        Files.writeString(trust.file(), Files.readString(trust.file()).replace("Hangzhou", "Hangzhou city"));
        assertThat(CliRun.of("trust", "sign", "--key", key.toString(), trust.file().toString()).rc()).isZero();

        assertSignedByTheAnchor(trust);
    }

    @Test
    void notATrustList_isRefusedAndNothingWritten() throws Exception {
        AnchoredTrust trust = new AnchoredTrust(dir);
        Files.writeString(trust.file(), "{\"issuers\": 3}");
        Path key = Files.writeString(dir.resolve("anchor.key"), trust.anchor().privateKeyBase64());

        CliRun run = CliRun.of("trust", "sign", "--key", key.toString(), trust.file().toString());

        assertThat(run.rc()).isEqualTo(1);
        assertThat(run.err()).contains("not signed").contains(trust.file().toString());
        assertThat(trust.signatureFile()).doesNotExist();
    }

    @Test
    void publicKeyInsteadOfPrivate_isRefusedNamingTheKeyFile() throws Exception {
        AnchoredTrust trust = new AnchoredTrust(dir).writeTestList();

        CliRun run = CliRun.of("trust", "sign", "--key", trust.anchorFile().toString(), trust.file().toString());

        assertThat(run.rc()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read the anchor key").contains("PUBLIC KEY");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(trust.signatureFile()).doesNotExist();
    }
}
