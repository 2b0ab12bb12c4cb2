package dev.hcgateway.hcn1;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.HealthCode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzz targets of the decoder (docs/fuzzing.md). Without {@code JAZZER_FUZZ} each runs as a
 * regression test over its checked-in inputs ({@code src/test/resources/dev/hcgateway/hcn1/Hcn1DecoderFuzzTestInputs/
 * <method>/}); with it, one target is fuzzed. Each target holds the decoder's contract on any input: a value,
 * never an exception, and whatever decodes satisfies the claims rules.
 */
class Hcn1DecoderFuzzTest {

    private static final Pattern ISSUER = Pattern.compile("[A-Z0-9-]{1,32}");
    private final Hcn1Decoder decoder = new Hcn1Decoder();

    /** Any scanned text: prefix, Base45 and every layer below, from the outside. */
    @FuzzTest(maxDuration = "10s")
    void anyText_isDecodedOrRefusedNeverThrown(byte[] input) {
        String text = Hcn1Decoder.PREFIX + new String(input, StandardCharsets.ISO_8859_1);
        check(decoder.decode(text));
    }

    /** Any bytes under the Base45 and zlib layers: the COSE_Sign1 shape, CBOR, headers and claims. */
    @FuzzTest(maxDuration = "10s")
    void anyCose_isDecodedOrRefusedNeverThrown(byte[] cose) {
        check(decoder.decodeCose(cose));
    }

    /** Any bytes carried as a code is, zlib-compressed: the inflate cap and everything below it. */
    @FuzzTest(maxDuration = "10s")
    void anyCompressedCose_isDecodedOrRefusedNeverThrown(byte[] cose) {
        check(decoder.decode(CodeMinter.text(CodeMinter.zlib(cose), false)));
    }

    private static void check(Decoded<HealthCode> d) {
        assertThat(d).isNotNull();
        if (d instanceof Decoded.Signed<HealthCode> decoded) {
            HealthCode code = decoded.claims();
            assertThat(decoded.kid()).hasSize(8);
            assertThat(decoded.signature()).hasSize(64);
            assertThat(ISSUER.matcher(code.issuer()).matches()).isTrue();
            assertThat(code.subject()).isNotEmpty();
            assertThat(code.subject().codePointCount(0, code.subject().length())).isLessThanOrEqualTo(64);
            assertThat(ClaimsReader.printable(code.subject())).isTrue();
            assertThat(code.issuedAt()).isNotNegative();
            assertThat(code.expiresAt()).isNotNegative();
            assertThat(code.colourAsOf()).isBetween(0L, code.issuedAt());
            assertThat(code.codeId().length).isBetween(8, 16);
            if (code.kind() == CodeKind.PROXY) {
                assertThat(code.relation()).isNotEmpty();
            }
        }
    }
}
