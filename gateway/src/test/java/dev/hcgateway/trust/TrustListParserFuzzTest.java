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
 * loaded or refused alone. Regression inputs: {@code src/test/resources/dev/hcgateway/trust/TrustListParserFuzzTestInputs/
 * <method>/}.
 */
class TrustListParserFuzzTest {

    private final CryptoProvider jdk = CryptoProvider.jdk("fuzz");
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
