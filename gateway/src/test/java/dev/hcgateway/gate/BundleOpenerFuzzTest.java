package dev.hcgateway.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * Coverage-guided fuzz targets of the gate's bundle opener (docs/fuzzing.md): a downloaded file is opened or refused
 * with a reason, never an unchecked exception; and a payload signed by the gate's own key (a gateway of another
 * version, or a bug) is read or refused the same way, so a gate never crashes on a bundle. Regression inputs:
 * {@code src/test/resources/dev/hcgateway/gate/BundleOpenerFuzzTestInputs/<method>/}.
 */
class BundleOpenerFuzzTest {

    private final KeyPair pair = generate();
    private final BundlePublicKey key = BundlePublicKey.of((ECPublicKey) pair.getPublic());
    private final BundleOpener opener = new BundleOpener(key,
            new SignatureVerifiers(CryptoProvider.jdk("fuzz")).es256());

    /** Any bytes as the downloaded file: the COSE_Sign1 shape, the kid, the signature. */
    @FuzzTest(maxDuration = "10s")
    void anyFile_isOpenedOrRefusedNeverThrown(byte[] file) {
        Opening opening = opener.open(file);
        assertThat(opening).isInstanceOf(Opening.Refused.class); // nobody but the key's holder signs
    }

    /** Any bytes as a payload the gate's key signed: the CBOR, the scenes, the hash sets and the filter. */
    @FuzzTest(maxDuration = "10s")
    void anySignedPayload_isReadOrRefusedNeverThrown(byte[] payload) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(pair.getPrivate());
        signer.update(Envelope.toBeSigned(key.kid(), payload));
        Opening opening = opener.open(new Envelope(key.kid(), payload, signer.sign()).encode());
        if (opening instanceof Opening.Opened opened) {
            Bundle b = opened.bundle();
            assertThat(b.validUntil()).isGreaterThanOrEqualTo(b.issuedAt());
            assertThat(b.revocations().codes().falsePositiveRate()).isLessThanOrEqualTo(BloomFilter.MAX_RATE);
        } else {
            assertThat(((Opening.Refused) opening).why()).satisfiesAnyOf(
                    why -> assertThat(why).startsWith("unreadable payload"),
                    why -> assertThat(why).isEqualTo("the payload names another key than its signer"));
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
