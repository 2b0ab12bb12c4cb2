package dev.hcgateway.hcn1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.model.Reason;
import dev.hcgateway.support.TestData;
import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.cose.CoseText;

/** Hostile input never escapes the decoder as an exception, and never makes it allocate past its caps. */
class DecoderRobustnessTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private final Hcn1Decoder decoder = new Hcn1Decoder();
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random = new SplittableRandom(20261123);

    private String validCode() {
        return minter.mint(CodeClaims.typical("330100", "s-fuzz", Colour.GREEN, 1_795_300_000L, 300, random::nextInt));
    }

    private Decoded<HealthCode> decodeQuietly(String text) {
        Decoded<HealthCode> d = decoder.decode(text);
        assertThat(d).isNotNull();
        return d;
    }

    @Test
    void decode_randomBase45Texts_neverThrow() {
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder(Hcn1Decoder.PREFIX);
            int n = random.nextInt(600);
            for (int k = 0; k < n; k++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertThat(decodeQuietly(sb.toString())).isInstanceOf(Decoded.Refused.class);
        }
    }

    @Test
    void decode_everyTruncationOfAValidCode_isMalformedNeverThrown() {
        String code = validCode();
        for (int end = Hcn1Decoder.PREFIX.length(); end < code.length(); end++) {
            Decoded<HealthCode> d = decodeQuietly(code.substring(0, end));
            assertThat(d).as("truncated at %d", end).isEqualTo(Decoded.refused(Reason.MALFORMED));
        }
    }

    @Test
    void decode_characterSubstitutions_neverThrow() {
        String code = validCode();
        for (int i = 0; i < 3_000; i++) {
            char[] chars = code.toCharArray();
            int at = Hcn1Decoder.PREFIX.length() + random.nextInt(chars.length - Hcn1Decoder.PREFIX.length());
            chars[at] = (char) random.nextInt(0x20, 0x7F);
            decodeQuietly(new String(chars));
        }
    }

    @Test
    void decode_bitFlipsInsideCose_neverThrowAndNeverYieldDifferentValidClaims() {
        CodeClaims claims = CodeClaims.typical("330100", "s-flip", Colour.RED, 1_795_300_000L, 300, random::nextInt);
        byte[] header = minter.protectedHeader(-7, minter.key().kid());
        byte[] payload = minter.payload(claims);
        byte[] cose = minter.sign1(header, payload, minter.sign(header, payload), false);
        for (int i = 0; i < 4_000; i++) {
            byte[] mutated = cose.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            }
            Decoded<HealthCode> d = decodeQuietly(CodeMinter.text(mutated, random.nextBoolean()));
            if (d instanceof Decoded.Signed<HealthCode> decoded) {
                // Whatever still parses must be re-verified by the signature: the claims bytes are covered.
                assertThat(decoded.signature()).hasSize(64);
            }
        }
    }

    @Test
    void decode_hugeLengthsInCborHeaders_areMalformedWithBoundedAllocation() {
        String[] hostile = {
            "845A FFFFFFFF 00",                  // bstr of 4 GiB declared
            "845B 7FFFFFFFFFFFFFFF 00",          // bstr of 2^63 declared
            "9B 7FFFFFFFFFFFFFFF 40",            // array of 2^63 items
            "84 40 BB 7FFFFFFFFFFFFFFF 40 40",   // unprotected map of 2^63 pairs
            "84 7A FFFFFFFF 00",                 // text of 4 GiB where a bstr belongs
            "84 5F 41 00 5F",                    // indefinite bstr nesting garbage
            "D2 D2 D2 D2 D2 D2 D2 D2 84 40 A0 40 40",
            "81".repeat(2000) + "00",            // deeply nested arrays
            "BF".repeat(500) + "FF",             // deeply nested indefinite maps
        };
        for (String hex : hostile) {
            byte[] cose = HexFormat.of().parseHex(hex.replace(" ", ""));
            for (boolean compress : new boolean[]{false, true}) {
                String text = CodeMinter.text(cose, compress);
                long allocated = allocatedBy(() -> decoder.decode(text));
                assertThat(decoder.decode(text)).as(hex).isEqualTo(Decoded.refused(Reason.MALFORMED));
                assertThat(allocated).as("bytes allocated decoding %s", hex).isLessThan(512 * 1024);
            }
        }
    }

    @Test
    void decode_inflateBomb_isMalformedWithBoundedAllocation() {
        String bomb = CodeMinter.text(new byte[1 << 20], true);
        assertThat(bomb.length()).isLessThan(CoseText.MAX_TEXT_LENGTH);
        long allocated = allocatedBy(() -> decoder.decode(bomb));
        assertThat(decoder.decode(bomb)).isEqualTo(Decoded.refused(Reason.MALFORMED));
        assertThat(allocated).isLessThan(256 * 1024);
    }

    @Test
    void decode_textLongerThanAnyQrCode_isRefusedBeforeDecoding() {
        String huge = Hcn1Decoder.PREFIX + "0".repeat(3 * 1_000_000);
        long allocated = allocatedBy(() -> decoder.decode(huge));
        assertThat(decoder.decode(huge)).isEqualTo(Decoded.refused(Reason.MALFORMED));
        assertThat(allocated).isLessThan(64 * 1024);
    }

    @Test
    void decode_nonCodes_areUnsupportedFormat() {
        for (String text : new String[]{null, "", "HC1:6BFOXN", "hcn1:NCF", "https://example.org/pay?x=1", "HCN2:00"}) {
            assertThat(decoder.decode(text)).isEqualTo(Decoded.refused(Reason.UNSUPPORTED_FORMAT));
        }
    }

    /** Returns the bytes this thread allocated running {@code work} (after a warm-up run). */
    private static long allocatedBy(Supplier<?> work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        work.get();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.get();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
