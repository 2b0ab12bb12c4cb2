package dev.hcgateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hcgateway.cose.Base45;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.model.DccCertificate;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz targets of the DCC decoder (docs/fuzzing.md); without {@code JAZZER_FUZZ}, regression tests
 * over {@code src/test/resources/dev/hcgateway/dcc/DccDecoderFuzzTestInputs/<method>/}. Each holds the decoder's
 * contract on any input: a value, never an exception, and a decoded certificate obeys the claims rules.
 */
class DccDecoderFuzzTest {

    private final DccDecoder decoder = new DccDecoder();

    /** Any scanned text after {@code HC1:}: length cap, Base45, the required zlib, and everything below. */
    @FuzzTest(maxDuration = "10s")
    void anyText_isDecodedOrRefusedNeverThrown(byte[] input) {
        check(decoder.decode(DccDecoder.PREFIX + new String(input, StandardCharsets.ISO_8859_1)));
    }

    /** Any bytes carried as a DCC is, zlib-compressed: tags 61 and 18, COSE_Sign1, headers, CWT and hcert claims. */
    @FuzzTest(maxDuration = "10s")
    void anyCompressedCose_isDecodedOrRefusedNeverThrown(byte[] cose) {
        check(decoder.decode(DccDecoder.PREFIX + Base45.encode(CodeMinter.zlib(cose))));
    }

    private static void check(Decoded<DccCertificate> d) {
        assertThat(d).isNotNull();
        if (d instanceof Decoded.Signed<DccCertificate> signed) {
            DccCertificate c = signed.claims();
            assertThat(c.type()).isNotNull();
            assertThat(c.uvci()).isNotEmpty().hasSizeLessThanOrEqualTo(128);
            assertThat(c.uvci().chars().allMatch(ch -> ch >= 0x20 && ch != 0x7F)).isTrue();
            if (c.country() != null) {
                assertThat(c.country()).isNotEmpty().hasSizeLessThanOrEqualTo(128);
            }
            assertThat(c.issuedAt()).isNotNegative();
            assertThat(c.expiresAt()).isNotNegative();
            switch (c.type()) {
                case VACCINATION -> assertThat(c.date()).isNotNull();
                case TEST -> assertThat(c.sampledAt()).isNotNull();
                case RECOVERY -> assertThat(c.validUntil()).isNotNull();
            }
            assertThat(signed.kid()).isNotNull();
            assertThat(signed.toBeSigned()).isNotEmpty();
        }
    }
}
