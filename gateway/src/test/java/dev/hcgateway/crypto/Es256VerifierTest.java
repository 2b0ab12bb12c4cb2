package dev.hcgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.support.TestData;
import dev.hcgateway.trust.TrustList;
import java.security.PublicKey;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.hcn1.Hcn1Decoder;

/**
 * The verifier keeps each thread's {@code Signature} initialised for the last key it saw: a run of good, bad and
 * malformed signatures under two issuers' keys, in any order, must give every answer a fresh verifier gives.
 */
class Es256VerifierTest {

    private static final long NOW = TestData.VECTORS_NOW;

    @ParameterizedTest
    @ValueSource(strings = {"native", "jdk"})
    void verify_interleavedKeysAndFailures_answerAsIfEachWereTheFirst(String name) {
        CryptoProvider provider = name.equals("jdk") ? CryptoProvider.jdk("test") : CryptoProvider.select(true);
        TrustList trust = TestData.trustList(provider);
        Signed a = signed(trust, "330100", "s-a");
        Signed b = signed(trust, "110000", "s-b");
        byte[] flipped = a.signature.clone();
        flipped[40] ^= 1;
        byte[] zeros = new byte[64];
        Es256Verifier verifier = new Es256Verifier(provider);

        assertThat(verifier.verify(a.key, a.data, a.signature)).isTrue();
        assertThat(verifier.verify(a.key, a.data, a.signature)).as("same key, no re-init").isTrue();
        assertThat(verifier.verify(a.key, a.data, flipped)).isFalse();
        assertThat(verifier.verify(a.key, a.data, a.signature)).as("after a bad signature").isTrue();
        assertThat(verifier.verify(a.key, a.data, zeros)).isFalse();
        assertThat(verifier.verify(a.key, a.data, a.signature)).as("after a malformed signature").isTrue();
        assertThat(verifier.verify(b.key, a.data, a.signature)).as("a's signature under b's key").isFalse();
        assertThat(verifier.verify(b.key, b.data, b.signature)).isTrue();
        assertThat(verifier.verify(a.key, b.data, b.signature)).as("b's signature under a's key").isFalse();
        assertThat(verifier.verify(a.key, a.data, a.signature)).isTrue();
        assertThat(verifier.verify(a.key, a.data, new byte[63])).as("wrong length").isFalse();
        assertThat(verifier.verify(b.key, b.data, b.signature)).isTrue();
    }

    private static Signed signed(TrustList trust, String issuer, String subject) {
        String code = TestData.minter(issuer).mint(CodeClaims.typical(issuer, subject, Colour.GREEN, NOW, 3600,
                new SplittableRandom(3)));
        Decoded.Signed<HealthCode> d = (Decoded.Signed<HealthCode>) new Hcn1Decoder().decode(code);
        return new Signed(trust.find(d.kid()).key(), d.toBeSigned(), d.signature());
    }

    private record Signed(PublicKey key, byte[] data, byte[] signature) {
    }
}
