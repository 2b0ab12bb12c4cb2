package dev.hcgateway.hcn1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.model.Reason;
import dev.hcgateway.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.cose.CborShape;

/**
 * The format allows one CBOR tag: COSE_Sign1's tag 18, outermost, at most once. Every other tag is malformed, and
 * tags count in the nesting limit. Each code here is otherwise well formed and signed.
 */
class OnlyOneCoseTagTest {

    private static final Decoded<HealthCode> MALFORMED = Decoded.refused(Reason.MALFORMED);
    private final Hcn1Decoder decoder = new Hcn1Decoder();
    private final CodeMinter minter = TestData.minter("330100");
    private final CodeClaims claims = CodeClaims.typical("330100", "s-tags", Colour.GREEN, 1_795_300_000L, 300,
            new SplittableRandom(18)::nextInt);
    private final byte[] header = minter.protectedHeader(-7, minter.key().kid());

    private byte[] cose(byte[] payload) {
        return minter.sign1(header, payload, minter.sign(header, payload), false);
    }

    private static byte[] tagged(String tagsHex, byte[] item) {
        byte[] tags = HexFormat.of().parseHex(tagsHex.replace(" ", ""));
        byte[] out = new byte[tags.length + item.length];
        System.arraycopy(tags, 0, out, 0, tags.length);
        System.arraycopy(item, 0, out, tags.length, item.length);
        return out;
    }

    private Decoded<HealthCode> decode(byte[] cose) {
        return decoder.decode(CodeMinter.text(cose, true));
    }

    @Test
    void untaggedOrOneTag18_decode() {
        byte[] cose = cose(minter.payload(claims));
        assertThat(decode(cose)).isInstanceOf(Decoded.Signed.class);
        assertThat(decode(tagged("D2", cose))).isInstanceOf(Decoded.Signed.class);
    }

    @Test
    void stackedOrForeignOuterTags_areMalformed() {
        byte[] cose = cose(minter.payload(claims));
        assertThat(decode(tagged("D2 D2", cose))).as("18(18(...))").isEqualTo(MALFORMED);
        assertThat(decode(tagged("D2 D862", cose))).as("18(98(...))").isEqualTo(MALFORMED);
        assertThat(decode(tagged("D862", cose))).as("98(...)").isEqualTo(MALFORMED);
        assertThat(decode(tagged("D862 D2", cose))).as("98(18(...))").isEqualTo(MALFORMED);
        assertThat(decode(tagged("D2".repeat(100), cose))).as("100 stacked tags").isEqualTo(MALFORMED);
    }

    @Test
    void tagsInsideTheSignedPayloadOrHeaders_areMalformed() {
        // exp written as tag 1 (epoch date): a uint claim that is not a uint.
        byte[] taggedExp = payload(g -> {
            writeClaimsUpTo(g);
            g.writeFieldId(4);
            g.writeTag(1);
            g.writeNumber(claims.expiresAt());
            writeRest(g);
        });
        assertThat(decode(cose(taggedExp))).as("tagged exp").isEqualTo(MALFORMED);
        // An unknown claim is ignored, but not its tags: the format defines none.
        byte[] taggedUnknown = payload(g -> {
            writeClaimsUpTo(g);
            g.writeFieldId(4);
            g.writeNumber(claims.expiresAt());
            writeRest(g);
            g.writeFieldId(99);
            g.writeTag(32);
            g.writeString("https://example.org");
        });
        assertThat(decode(cose(taggedUnknown))).as("tagged unknown claim").isEqualTo(MALFORMED);
        // A tagged kid in the protected header.
        byte[] taggedHeader = HexFormat.of().parseHex("A2012604D81848" + HexFormat.of().formatHex(minter.key().kid()));
        byte[] payload = minter.payload(claims);
        assertThat(decode(minter.sign1(taggedHeader, payload, new byte[64], false))).as("tagged kid").isEqualTo(MALFORMED);
    }

    @Test
    void tagsWrappingADeepUnknownClaim_areMalformed() {
        // An unknown claim nested 12 arrays deep decodes; with 100 tags in it (old: unlimited and uncounted), not.
        byte[] nested = payload(g -> {
            writeAll(g);
            g.writeFieldId(99);
            for (int i = 0; i < 12; i++) {
                g.writeStartArray(null, 1);
            }
            g.writeNumber(0);
            for (int i = 0; i < 12; i++) {
                g.writeEndArray();
            }
        });
        assertThat(decode(cose(nested))).isInstanceOf(Decoded.Signed.class);
        byte[] deeper = nested.clone();
        // Same depth, but the innermost array is preceded by 100 tags: still well-formed CBOR, far too deep.
        int at = indexOf(deeper, (byte) 0x81);
        byte[] withTags = new byte[deeper.length + 100];
        System.arraycopy(deeper, 0, withTags, 0, at);
        java.util.Arrays.fill(withTags, at, at + 100, (byte) 0xC6); // tag 6, unassigned
        System.arraycopy(deeper, at, withTags, at + 100, deeper.length - at);
        assertThat(decode(cose(withTags))).isEqualTo(MALFORMED);
    }

    @Test
    void shape_rootTagCountsAsOneLevelOfNesting() {
        String arrays = "81".repeat(CborShape.MAX_DEPTH - 1) + "00";
        assertThat(CborShape.check(HexFormat.of().parseHex(arrays), 18)).isTrue();
        assertThat(CborShape.check(HexFormat.of().parseHex("D2" + arrays), 18)).isTrue();
        assertThat(CborShape.check(HexFormat.of().parseHex("D2" + "81" + arrays), 18)).as("one past").isFalse();
        assertThat(CborShape.check(HexFormat.of().parseHex("D2" + "00"), CborShape.NO_TAG)).isFalse();
        assertThat(CborShape.check(HexFormat.of().parseHex("00 00".replace(" ", "")), 18)).as("two items").isFalse();
        assertThat(CborShape.check(HexFormat.of().parseHex("9F 01 9F FF FF".replace(" ", "")), 18)).isTrue();
        assertThat(CborShape.check(HexFormat.of().parseHex("9F 01".replace(" ", "")), 18)).as("no break").isFalse();
        assertThat(CborShape.check(HexFormat.of().parseHex("9B FFFFFFFFFFFFFFFF 00".replace(" ", "")), 18)).isFalse();
    }

    private static int indexOf(byte[] b, byte value) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private interface Body {
        void write(CBORGenerator g) throws IOException;
    }

    /** Writes a claims map of the typical claims with room for extra entries (indefinite length). */
    private static byte[] payload(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeClaimsUpTo(CBORGenerator g) throws IOException {
        g.writeFieldId(1);
        g.writeString(claims.issuer());
        g.writeFieldId(2);
        g.writeString(claims.subject());
    }

    private void writeRest(CBORGenerator g) throws IOException {
        g.writeFieldId(6);
        g.writeNumber(claims.issuedAt());
        g.writeFieldId(7);
        g.writeBinary(claims.codeId());
        g.writeFieldId(-65537);
        g.writeStartObject(2);
        g.writeFieldId(1);
        g.writeNumber(0);
        g.writeFieldId(2);
        g.writeNumber(claims.colourAsOf());
        g.writeEndObject();
    }

    private void writeAll(CBORGenerator g) throws IOException {
        writeClaimsUpTo(g);
        g.writeFieldId(4);
        g.writeNumber(claims.expiresAt());
        writeRest(g);
    }
}
