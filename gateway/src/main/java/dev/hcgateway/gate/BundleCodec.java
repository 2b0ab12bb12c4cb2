package dev.hcgateway.gate;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.model.Scene;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link Bundle} as the CBOR payload of its COSE_Sign1 (docs/offline.md, "The bundle's format") and reads
 * it back. Hashes travel as byte strings of big-endian 64-bit words and a filter as its bit words, so a million
 * revoked ids cost their bytes and no text encoding; the trust list travels as the file's own JSON bytes.
 */
public final class BundleCodec {

    /** The payload's format version, its {@code "v"}. */
    public static final int VERSION = 1;
    /** The filter's construction, as the payload names it. */
    public static final String HASHING = "sha256-kirsch-mitzenmacher";
    private static final int MAX_DEPTH = 8;

    private final ObjectMapper cbor = new ObjectMapper(CBORFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(Envelope.MAX_BYTES).build()).build());
    private final SceneCodec scenes = new SceneCodec();

    /** Returns the payload bytes of the bundle. */
    public byte[] encode(Bundle b) {
        ObjectNode root = cbor.createObjectNode().put("v", VERSION).put("issuedAt", b.issuedAt())
                .put("validUntil", b.validUntil()).put("kid", b.kid()).put("trust", b.trustList())
                .put("defaultScene", b.defaultScene()).put("clockSkewSeconds", b.clockSkewSeconds());
        ValidityBounds v = b.maxValidity();
        root.putObject("maxValiditySeconds").put("personal", v.personalSeconds()).put("proxy", v.proxySeconds())
                .put("paper", v.paperSeconds()).put("international", v.internationalSeconds());
        ObjectNode sceneMap = root.putObject("scenes");
        b.scenes().keySet().stream().sorted().forEach(name -> sceneMap.set(name, scenes.write(b.scenes().get(name))));
        ObjectNode codes = root.putObject("codes");
        RevokedCodes revoked = b.revocations().codes();
        codes.put("count", revoked.count());
        if (revoked instanceof RevokedCodes.Exact exact) {
            codes.put("kind", "exact").put("hashes", words(exact.hashes()));
        } else if (revoked instanceof RevokedCodes.Filtered filtered) {
            BloomFilter f = filtered.filter();
            codes.put("kind", "bloom").put("hashing", HASHING).put("m", f.m()).put("k", f.k())
                    .put("falsePositiveRate", f.falsePositiveRate()).put("bits", words(f.bits()));
        }
        RevokedSubjects subjects = b.revocations().subjects();
        root.putObject("subjects").put("count", subjects.count()).put("hashes", words(subjects.hashes()))
                .put("issuedBefore", seconds(subjects.issuedBefore()));
        try {
            return cbor.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** Reads a payload; throws {@link IllegalArgumentException} saying what is wrong (never quoting content). */
    public Bundle decode(byte[] payload) {
        JsonNode root;
        try {
            root = cbor.readTree(payload);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the payload is not CBOR");
        }
        if (root == null || !root.isObject() || root.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " bundle");
        }
        Map<String, Scene> sceneMap = new LinkedHashMap<>();
        root.path("scenes").fields().forEachRemaining(e -> sceneMap.put(e.getKey(), scenes.read(e.getKey(), e.getValue())));
        JsonNode v = root.path("maxValiditySeconds");
        return new Bundle(number(root, "issuedAt"), number(root, "validUntil"), root.path("kid").asText(""),
                binary(root, "trust"), root.path("defaultScene").asText(""), sceneMap,
                (int) number(root, "clockSkewSeconds"), new ValidityBounds(number(v, "personal"), number(v, "proxy"),
                number(v, "paper"), number(v, "international")),
                new BundleRevocations(codes(root.path("codes")), subjects(root.path("subjects"))));
    }

    private RevokedCodes codes(JsonNode n) {
        String kind = n.path("kind").asText("");
        if (kind.equals("exact")) {
            return new RevokedCodes.Exact(longs(binary(n, "hashes")));
        }
        if (!kind.equals("bloom") || !HASHING.equals(n.path("hashing").asText())) {
            throw new IllegalArgumentException("unknown revocation set " + kind);
        }
        return new RevokedCodes.Filtered(new BloomFilter(longs(binary(n, "bits")), number(n, "m"),
                (int) number(n, "k"), number(n, "count")));
    }

    private RevokedSubjects subjects(JsonNode n) {
        long[] hashes = longs(binary(n, "hashes"));
        byte[] seconds = binary(n, "issuedBefore");
        if (seconds.length != 4L * hashes.length) {
            throw new IllegalArgumentException("one instant per subject");
        }
        long[] before = new long[hashes.length];
        ByteBuffer in = ByteBuffer.wrap(seconds);
        for (int i = 0; i < before.length; i++) {
            before[i] = Integer.toUnsignedLong(in.getInt());
        }
        return new RevokedSubjects(hashes, before);
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an integer");
        }
        return v.longValue();
    }

    private static byte[] binary(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBinary()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a byte string");
        }
        try {
            return v.binaryValue();
        } catch (IOException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a byte string");
        }
    }

    /** Returns the words big-endian, 8 bytes each. */
    private static byte[] words(long[] words) {
        ByteBuffer out = ByteBuffer.allocate(8 * words.length);
        out.asLongBuffer().put(words);
        return out.array();
    }

    /** Returns instants as unsigned 32-bit epoch seconds, saturating: 0 (none revoked) to 2106 (all of today's). */
    private static byte[] seconds(long[] instants) {
        ByteBuffer out = ByteBuffer.allocate(4 * instants.length);
        for (long t : instants) {
            out.putInt((int) Math.max(0, Math.min(0xFFFF_FFFFL, t)));
        }
        return out.array();
    }

    private static long[] longs(byte[] bytes) {
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("64-bit words expected");
        }
        long[] out = new long[bytes.length / 8];
        ByteBuffer.wrap(bytes).asLongBuffer().get(out);
        return out;
    }
}
