package dev.hcgateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.issuer.TrustListSigner;
import dev.hcgateway.support.AnchoredTrust;
import dev.hcgateway.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trust list counts as signed only when the anchor's ES256 key signed its exact bytes in a detached compact JWS
 * whose header names ES256 and nothing that changes what is signed; every other signature file, whatever its bytes,
 * is refused with a reason, never an exception. The anchor's key is read from PEM, base64 DER or a JWK.
 */
class OnlyTheAnchorsSignatureOverTheExactBytesCountsTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] list = TestData.resource("trust.json");
    private IssuerKey anchorKey;
    private TrustAnchor anchor;

    @BeforeEach
    void anchor() throws Exception {
        anchorKey = IssuerKey.generate("anchor");
        anchor = new TrustAnchor(anchorKey.publicKey(), "anchor.pem");
    }

    private TrustAnchor.Check check(byte[] content, String jws) {
        return anchor.check(content, jws == null ? null : jws.getBytes(StandardCharsets.ISO_8859_1), "trust.json.jws");
    }

    private String signed(byte[] content) throws Exception {
        return new TrustListSigner(anchorKey).jws(content);
    }

    /** Returns a JWS over {@code content} with this header, signed by the anchor as a general JOSE signer would. */
    private String withHeader(String header, byte[] content) throws Exception {
        String h = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8));
        var signer = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(anchorKey.privateKey());
        signer.update((h + "." + B64.encodeToString(content)).getBytes(StandardCharsets.US_ASCII));
        return h + ".." + B64.encodeToString(signer.sign());
    }

    private static TrustAnchor.Cause cause(TrustAnchor.Check check) {
        assertThat(check).isInstanceOf(TrustAnchor.Refused.class);
        TrustAnchor.Refused refused = (TrustAnchor.Refused) check;
        assertThat(refused.why()).startsWith("trust.json.jws: ");
        return refused.cause();
    }

    @Test
    void anchorsSignatureOverTheExactBytes_isSigned_withAFinalNewlineOrNot() throws Exception {
        assertThat(check(list, signed(list))).isInstanceOf(TrustAnchor.Signed.class);
        assertThat(check(list, signed(list) + "\n")).isInstanceOf(TrustAnchor.Signed.class);
        assertThat(check(list, withHeader("{\"alg\":\"ES256\",\"typ\":\"JOSE\"}", list)))
                .isInstanceOf(TrustAnchor.Signed.class);
    }

    @Test
    void oneByteChanged_orAnotherKey_isABadSignature() throws Exception {
        byte[] changed = list.clone();
        changed[changed.length - 2] ^= 0x20;
        assertThat(cause(check(changed, signed(list)))).isEqualTo(TrustAnchor.Cause.BAD_SIGNATURE);

        String impostor = new TrustListSigner(IssuerKey.generate("impostor")).jws(list);
        assertThat(cause(check(list, impostor))).isEqualTo(TrustAnchor.Cause.BAD_SIGNATURE);
    }

    @Test
    void noSignatureFile_isUnsigned() {
        assertThat(cause(check(list, null))).isEqualTo(TrustAnchor.Cause.UNSIGNED);
    }

    @Test
    void headersThatChangeWhatIsSignedOrByWhom_areRefused() throws Exception {
        for (String header : new String[] {"{\"alg\":\"none\"}", "{\"alg\":\"HS256\"}", "{\"alg\":\"ES384\"}", "{}",
            "{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"]}", "{\"alg\":\"ES256\",\"crit\":[\"exp\"]}",
            "{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\"}}", "{\"alg\":\"ES256\",\"x5u\":\"https://x\"}", "[]",
            "\"ES256\"", "not json"}) {
            assertThat(cause(check(list, withHeader(header, list)))).as(header)
                    .isEqualTo(TrustAnchor.Cause.MALFORMED);
        }
    }

    @Test
    void b64False_saysThePayloadMustBeEncoded() throws Exception {
        TrustAnchor.Refused refused = (TrustAnchor.Refused) check(list,
                withHeader("{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"]}", list));
        assertThat(refused.why()).contains("b64").contains("base64url-encoded");
    }

    @Test
    void attachedPayload_orWrongShape_isMalformed() throws Exception {
        String jws = signed(list);
        String[] parts = jws.split("\\.", -1);
        String attached = parts[0] + "." + B64.encodeToString(list) + "." + parts[2];
        for (String bad : new String[] {attached, parts[0] + "." + parts[2], jws + ".", "", "..", parts[0] + "..",
            ".." + parts[2], parts[0] + "==.." + parts[2], parts[0] + ".." + parts[2] + "AA",
            parts[0] + ".." + parts[2].substring(4), parts[0] + "..+/" + parts[2].substring(2)}) {
            assertThat(cause(check(list, bad))).as(bad).isEqualTo(TrustAnchor.Cause.MALFORMED);
        }
        assertThat(((TrustAnchor.Refused) check(list, attached)).why()).contains("detached");
    }

    @Test
    void anyBytes_areRefusedWithAReason_neverThrow() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            for (int dots = 0; i % 3 == 0 && junk.length > 0 && dots < 2; dots++) {
                junk[random.nextInt(junk.length)] = '.';
            }
            TrustAnchor.Check check = anchor.check(list, junk, "trust.json.jws");
            assertThat(check).isInstanceOf(TrustAnchor.Refused.class);
        }
        assertThat(cause(anchor.check(list, new byte[DetachedJws.MAX_BYTES + 1], "trust.json.jws")))
                .isEqualTo(TrustAnchor.Cause.MALFORMED);
    }

    @Test
    void anchorKey_isReadFromPemBase64OrJwk(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("a.pem"), AnchoredTrust.pem("PUBLIC KEY",
                anchorKey.publicKey().getEncoded()));
        Path base64 = Files.writeString(dir.resolve("a.pub"), anchorKey.publicKeyBase64() + "\n");
        Path jwk = Files.writeString(dir.resolve("a.jwk"), anchorKey.jwk().encodePrettily());
        for (Path file : new Path[] {pem, base64, jwk}) {
            assertThat(TrustAnchor.read(file).check(list, signed(list).getBytes(StandardCharsets.US_ASCII), "s"))
                    .as(file.toString()).isInstanceOf(TrustAnchor.Signed.class);
        }
    }

    @Test
    void anchorKey_notAPublicKey_isRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path privatePem = Files.writeString(dir.resolve("private.pem"), AnchoredTrust.pem("PRIVATE KEY",
                anchorKey.privateKey().getEncoded()));
        Path junk = Files.writeString(dir.resolve("junk.pem"), "hello");
        Path rsa = Files.writeString(dir.resolve("rsa.jwk"), "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}");
        for (Path file : new Path[] {privatePem, junk, rsa, dir.resolve("absent.pem")}) {
            assertThatThrownBy(() -> TrustAnchor.read(file)).as(file.toString())
                    .isInstanceOf(TrustAnchorException.class).hasMessageStartingWith("trust anchor " + file + ": ");
        }
    }
}
