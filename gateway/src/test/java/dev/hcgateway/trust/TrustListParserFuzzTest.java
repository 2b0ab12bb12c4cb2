package dev.hcgateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureAlgorithm;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Coverage-guided fuzz targets of the trust list parser (docs/fuzzing.md): an operator's file, or a national list
 * converted into one, is parsed or refused with a message, never an unchecked exception; a certificate item is
 * loaded or refused alone; a signature file is refused with a reason, never verified without the anchor's key. Regression inputs: {@code src/test/resources/dev/hcgateway/trust/TrustListParserFuzzTestInputs/
 * <method>/}.
 */
class TrustListParserFuzzTest {

    /** An anchor whose private key is thrown away: no input may verify under it. */
    private static final TrustAnchor ANCHOR = anchor();
    private static final byte[] SIGNED = "{\"issuers\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final CryptoProvider jdk = CryptoProvider.jdk("fuzz");

    private static TrustAnchor anchor() {
        try {
            return new TrustAnchor(dev.hcgateway.issuer.IssuerKey.generate("anchor").publicKey(), "fuzz-anchor.pem");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
    private final TrustListParser parser = new TrustListParser(jdk.ecKeyFactory());
    private final DscParser dscs = new DscParser(jdk.ecKeyFactory());

    /** Any file content: JSON, the issuers and their JWKs (the point on the curve, the kid), the certificates. */
    @FuzzTest(maxDuration = "10s")
    void anyFile_isParsedOrRefusedWithAReason(byte[] content) {
        try {
            TrustList list = parser.parse(content, "fuzz.json");
            for (TrustedKey key : list.keys().values()) {
                assertThat(key.key()).isInstanceOf(ECPublicKey.class);
                assertThat(key.issuer()).matches("[A-Z0-9-]{1,32}");
            }
            list.dscs().values().forEach(TrustListParserFuzzTest::checkDscs);
        } catch (TrustListException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.json");
        }
    }

    /**
     * Any bytes as a certificate item's DER, its kid computed so that the check gets past the hash: the JDK's X.509
     * reader, the key type and size rules, the extended key usage. A bad item is refused alone, with a problem.
     */
    @FuzzTest(maxDuration = "10s")
    void anyCertificate_isLoadedOrRefusedAlone(byte[] der) {
        String item = "{\"kid\":\"" + Base64.getEncoder().encodeToString(DscParser.kidOf(der))
                + "\",\"country\":\"XX\",\"rawData\":\"" + Base64.getEncoder().encodeToString(der) + "\"}";
        List<String> problems = new ArrayList<>();
        TrustedDsc dsc;
        try {
            dsc = dscs.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(item), "fuzz", problems);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("the harness wrote bad JSON", e);
        }
        if (dsc == null) {
            assertThat(problems).hasSize(1);
        } else {
            assertThat(problems).isEmpty();
            assertThat(dsc.kid()).isEqualTo(TrustedKey.kidOf(DscParser.kidOf(der)));
            checkDscs(List.of(dsc));
        }
    }

    /**
     * Any bytes as the list's signature file ({@code trust.json.jws}): the compact split, base64url, the header's
     * JSON and its refused parameters, the signature's length, the JDK's ECDSA verify. A signature file is checked or
     * refused with a reason naming it, never an exception; a verified one means the anchor signed these bytes.
     */
    @FuzzTest(maxDuration = "10s")
    void anySignatureFile_isRefusedWithAReasonNeverThrown(byte[] jws) {
        TrustAnchor.Check check = ANCHOR.check(SIGNED, jws, "fuzz.jws");
        if (check instanceof TrustAnchor.Refused refused) {
            assertThat(refused.why()).startsWith("fuzz.jws: ");
        } else {
            // Only the anchor's private key makes a signature that verifies: a fuzzer that finds one found a forgery.
            throw new AssertionError("a signature file the fuzzer wrote verified under the anchor");
        }
    }

    private static void checkDscs(List<TrustedDsc> dscs) {
        for (TrustedDsc dsc : dscs) {
            if (dsc.algorithm() == SignatureAlgorithm.ES256) {
                assertThat(dsc.key()).isInstanceOf(ECPublicKey.class);
            } else {
                assertThat(dsc.key()).isInstanceOfSatisfying(RSAPublicKey.class,
                        rsa -> assertThat(rsa.getModulus().bitLength()).isGreaterThanOrEqualTo(2048));
            }
        }
    }
}
