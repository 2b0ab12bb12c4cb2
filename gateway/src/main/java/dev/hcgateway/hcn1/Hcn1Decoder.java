package dev.hcgateway.hcn1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import dev.hcgateway.cose.CborShape;
import dev.hcgateway.cose.CoseText;
import dev.hcgateway.cose.SigStructure;
import dev.hcgateway.cose.StrictCbor;
import dev.hcgateway.crypto.SignatureAlgorithm;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.format.FormatDecoder;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Reason;
import java.io.IOException;

/**
 * Decodes {@code HCN1:} texts: prefix, Base45, zlib (capped, optional), COSE_Sign1 and CWT claims (health-code spec,
 * sections 1 and 2). It is pure and thread-safe, and never throws on hostile input: every failure is a value.
 * Each CBOR document (COSE_Sign1, protected header, claims) passes {@link CborShape} before Jackson reads it:
 * one optional tag 18 at the root of the COSE_Sign1 and no other tag, nesting bounded with tags counted.
 */
public final class Hcn1Decoder implements FormatDecoder<HealthCode> {

    /** The prefix of a v1 health code. */
    public static final String PREFIX = "HCN1:";
    static final int ES256 = -7;
    /** The one tag the format allows: COSE_Sign1's, outermost, at most once. */
    static final int COSE_SIGN1_TAG = 18;

    private static final Decoded<HealthCode> MALFORMED = Decoded.refused(Reason.MALFORMED);
    private static final Decoded<HealthCode> UNSUPPORTED_FORMAT = Decoded.refused(Reason.UNSUPPORTED_FORMAT);
    private static final Decoded<HealthCode> UNSUPPORTED_ALGORITHM = Decoded.refused(Reason.UNSUPPORTED_ALGORITHM);

    private final CBORFactory cbor = StrictCbor.factory();
    private final CoseText layers = new CoseText(false);
    private final ClaimsReader claims = new ClaimsReader();

    @Override
    public Decoded<HealthCode> decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return UNSUPPORTED_FORMAT;
        }
        return decodeCose(layers.open(text, PREFIX.length()));
    }

    /** Decodes the bytes under Base45 and zlib: a COSE_Sign1 (null: the layers above failed). Fuzzed directly. */
    Decoded<HealthCode> decodeCose(byte[] cose) {
        if (cose == null || cose.length > CoseText.MAX_COSE_BYTES || !CborShape.check(cose, COSE_SIGN1_TAG)) {
            return MALFORMED;
        }
        try (JsonParser p = cbor.createParser(cose)) {
            return readSign1((CBORParser) p);
        } catch (IOException | RuntimeException e) {
            // Jackson reports truncation, bad lengths and type errors as exceptions: all are malformed input.
            return MALFORMED;
        }
    }

    private Decoded<HealthCode> readSign1(CBORParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return MALFORMED;
        }
        byte[] protectedBytes = binary(p);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return MALFORMED;
        }
        byte[] unprotectedKid = readHeader(p, null);
        byte[] payload = binary(p);
        byte[] signature = binary(p);
        if (protectedBytes == null || payload == null || signature == null
                || p.nextToken() != JsonToken.END_ARRAY || p.nextToken() != null
                || !CborShape.check(payload, CborShape.NO_TAG)
                || (protectedBytes.length > 0 && !CborShape.check(protectedBytes, CborShape.NO_TAG))) {
            return MALFORMED;
        }
        int[] alg = {Integer.MIN_VALUE};
        byte[] kid = unprotectedKid;
        if (protectedBytes.length > 0) {
            try (JsonParser hp = cbor.createParser(protectedBytes)) {
                if (hp.nextToken() != JsonToken.START_OBJECT) {
                    return MALFORMED;
                }
                byte[] protectedKid = readHeader(hp, alg);
                if (hp.nextToken() != null) {
                    return MALFORMED;
                }
                kid = protectedKid != null ? protectedKid : unprotectedKid;
            }
        }
        if (alg[0] == Integer.MIN_VALUE) {
            return MALFORMED;
        }
        if (alg[0] != ES256) {
            return UNSUPPORTED_ALGORITHM;
        }
        if (kid == null || kid.length != 8 || signature.length != 64) {
            return MALFORMED;
        }
        HealthCode code = claims.read(cbor, payload);
        if (code == null) {
            return MALFORMED;
        }
        return new Decoded.Signed<>(code, kid, SigStructure.encode(protectedBytes, payload), signature,
                SignatureAlgorithm.ES256);
    }

    /** Reads a header map after its START_OBJECT; returns the kid (label 4) and stores the alg (label 1). */
    private static byte[] readHeader(JsonParser p, int[] alg) throws IOException {
        byte[] kid = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String label = p.currentName();
            JsonToken v = p.nextToken();
            if ("4".equals(label)) {
                if (v != JsonToken.VALUE_EMBEDDED_OBJECT) {
                    throw new IOException("kid is not a bstr");
                }
                kid = p.getBinaryValue();
            } else if ("1".equals(label) && alg != null) {
                // A text or out-of-range alg is some other algorithm, not ours.
                alg[0] = v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                        ? p.getIntValue() : Integer.MAX_VALUE;
            } else {
                p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("header is not a map");
        }
        return kid;
    }

    private static byte[] binary(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.VALUE_EMBEDDED_OBJECT ? p.getBinaryValue() : null;
    }
}
