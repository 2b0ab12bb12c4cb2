package dev.hcgateway.dcc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hcgateway.cose.CoseText;
import dev.hcgateway.cose.SigStructure;
import dev.hcgateway.cose.StrictCbor;
import dev.hcgateway.crypto.SignatureAlgorithm;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.format.FormatDecoder;
import dev.hcgateway.model.DccCertificate;
import dev.hcgateway.model.Reason;
import java.io.IOException;
import java.util.Arrays;

/**
 * Decodes {@code HC1:} texts (EU Digital COVID Certificates): Base45, zlib (required), COSE_Sign1 (tag 18
 * optional, an outer CWT tag 61 stripped), CWT claims. Shares the COSE layers and bounds of every format
 * ({@link CoseText}: text length, Base45, 4096 bytes inflated; {@link StrictCbor}: nesting 16, no duplicate keys;
 * the Sig_structure). Pure, thread-safe, and never throws on hostile input.
 */
public final class DccDecoder implements FormatDecoder<DccCertificate> {

    /** The context prefix of a v1 DCC. */
    public static final String PREFIX = "HC1:";

    private static final Decoded<DccCertificate> MALFORMED = Decoded.refused(Reason.MALFORMED);
    private static final Decoded<DccCertificate> UNSUPPORTED_FORMAT = Decoded.refused(Reason.UNSUPPORTED_FORMAT);
    private static final Decoded<DccCertificate> UNSUPPORTED_ALGORITHM =
            Decoded.refused(Reason.UNSUPPORTED_ALGORITHM);

    // The spec requires zlib: an uncompressed COSE is refused too.
    private final CoseText layers = new CoseText(true);
    private final ObjectMapper cbor = new ObjectMapper(StrictCbor.factory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public Decoded<DccCertificate> decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return UNSUPPORTED_FORMAT;
        }
        byte[] cose = layers.open(text, PREFIX.length());
        if (cose == null) {
            return MALFORMED;
        }
        try {
            return readSign1(untag(cose));
        } catch (IOException | RuntimeException e) {
            // Jackson reports truncation, bad lengths and type errors as exceptions: all are malformed input.
            return MALFORMED;
        }
    }

    /** Strips an outer CWT tag 61 and a COSE_Sign1 tag 18; any other start than an array is malformed. */
    private static byte[] untag(byte[] cose) throws IOException {
        int o = 0;
        if (cose.length > 2 && (cose[0] & 0xFF) == 0xD8 && cose[1] == 61) {
            o = 2;
        }
        if (cose.length > o && (cose[o] & 0xFF) == 0xD2) {
            o++;
        }
        // 0x84: an array of four; 0x9F: an indefinite-length array, whose size the tree checks.
        if (cose.length <= o || ((cose[o] & 0xFF) != 0x84 && (cose[o] & 0xFF) != 0x9F)) {
            throw new IOException("not a COSE_Sign1 array");
        }
        return Arrays.copyOfRange(cose, o, cose.length);
    }

    private Decoded<DccCertificate> readSign1(byte[] cose) throws IOException {
        JsonNode sign1 = cbor.readTree(cose);
        if (!sign1.isArray() || sign1.size() != 4) {
            return MALFORMED;
        }
        JsonNode protectedBytes = sign1.get(0);
        JsonNode unprotected = sign1.get(1);
        JsonNode payload = sign1.get(2);
        JsonNode signature = sign1.get(3);
        if (!protectedBytes.isBinary() || !unprotected.isObject() || !payload.isBinary() || !signature.isBinary()) {
            return MALFORMED;
        }
        byte[] protectedHeader = protectedBytes.binaryValue();
        JsonNode header = protectedHeader.length == 0 ? cbor.createObjectNode() : cbor.readTree(protectedHeader);
        if (header == null || !header.isObject()) {
            return MALFORMED;
        }
        // Protected header first; the unprotected one is accepted (some issuers put the kid there).
        JsonNode alg = header.has("1") ? header.get("1") : unprotected.get("1");
        JsonNode kid = header.has("4") ? header.get("4") : unprotected.get("4");
        if (alg == null || kid == null || !kid.isBinary()) {
            return MALFORMED;
        }
        SignatureAlgorithm algorithm = alg.isIntegralNumber() ? SignatureAlgorithm.ofLabel(alg.asLong()) : null;
        if (algorithm == null) {
            return UNSUPPORTED_ALGORITHM;
        }
        byte[] claimsBytes = payload.binaryValue();
        DccCertificate certificate = DccClaims.read(cbor.readTree(claimsBytes));
        if (certificate == null) {
            return MALFORMED;
        }
        return new Decoded.Signed<>(certificate, kid.binaryValue(),
                SigStructure.encode(protectedHeader, claimsBytes), signature.binaryValue(), algorithm);
    }
}
