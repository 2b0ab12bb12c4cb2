package dev.hcgateway.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the trust list's signature file: a detached JWS in compact serialisation (RFC 7515, appendix F), {@code
 * header..signature}, ES256 only, whose payload is the trust file's exact bytes, base64url-encoded in the signing
 * input as RFC 7515 does by default.
 *
 * <p>Deliberately the minimal split of that one shape, not a JOSE library: the only JWS the gateway reads is one
 * whose algorithm and key the operator fixed in advance. A general library negotiates the algorithm from the
 * header ({@code none}, HMAC keyed with the public key), trusts keys the header carries ({@code jwk}, {@code x5u},
 * {@code x5c}), and would be a dependency of the judging packages an offline gate ships. Here the header may only
 * name ES256; every header that would change what is signed or by whom ({@code b64}, {@code crit}, embedded keys)
 * refuses the signature.
 */
public final class DetachedJws {

    /** The most a signature file may hold: a header and 64 signature bytes are a few hundred characters. */
    static final int MAX_BYTES = 8 * 1024;
    /** Header parameters that would make the signature mean something else than "the anchor signed these bytes". */
    private static final Set<String> REFUSED = Set.of("b64", "crit", "jwk", "jku", "x5u", "x5c", "zip");

    private final ObjectMapper json = new ObjectMapper();

    /** A signature file read: its protected header as written (base64url) and the 64 signature bytes r‖s. */
    public sealed interface Read {
    }

    /** A well-formed detached ES256 JWS. */
    public record Parsed(String headerPart, byte[] signature) implements Read {
        public Parsed {
            java.util.Objects.requireNonNull(headerPart, "headerPart");
            if (signature == null || signature.length != 64) {
                throw new IllegalArgumentException("an ES256 signature is 64 bytes");
            }
        }

        /** Returns the JWS signing input of these payload bytes: {@code header '.' base64url(payload)}. */
        public byte[] signingInput(byte[] payload) {
            return (headerPart + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload))
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A file that is not a detached ES256 JWS of this shape; {@code why} says what is wrong, for an operator. */
    public record Malformed(String why) implements Read {
        public Malformed {
            java.util.Objects.requireNonNull(why, "why");
        }
    }

    /** Reads a signature file's bytes; never throws, whatever they are. */
    public Read read(byte[] file) {
        if (file.length > MAX_BYTES) {
            return new Malformed("larger than " + MAX_BYTES + " bytes");
        }
        // Editors and echo add a final newline; nothing else around the three parts is allowed.
        String text = new String(file, StandardCharsets.US_ASCII).strip();
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            return new Malformed("not a compact JWS (header..signature): " + (parts.length - 1) + " dots");
        }
        if (!parts[1].isEmpty()) {
            return new Malformed("not a detached JWS: the payload part between the dots must be empty "
                    + "(the payload is the trust file itself)");
        }
        byte[] header = base64url(parts[0]);
        byte[] signature = base64url(parts[2]);
        if (header == null || signature == null) {
            return new Malformed("header or signature is not unpadded base64url");
        }
        String headerFault = headerFault(header);
        if (headerFault != null) {
            return new Malformed(headerFault);
        }
        if (signature.length != 64) {
            return new Malformed("an ES256 signature is 64 bytes (r||s), this one is " + signature.length);
        }
        return new Parsed(parts[0], signature);
    }

    /** Returns what is wrong with the protected header, or null when it names ES256 and nothing that changes it. */
    private String headerFault(byte[] header) {
        JsonNode node;
        try {
            node = json.readTree(header);
        } catch (java.io.IOException | RuntimeException e) {
            return "the protected header is not JSON";
        }
        if (node == null || !node.isObject()) {
            return "the protected header is not a JSON object";
        }
        if (!"ES256".equals(node.path("alg").asText(null))) {
            return "the protected header's alg must be \"ES256\"";
        }
        if (node.has("b64")) {
            return "the protected header carries \"b64\" (RFC 7797): the signing input must hold the trust file "
                    + "base64url-encoded, as a plain JWS does; sign with 'trust sign'";
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (REFUSED.contains(name)) {
                return "the protected header carries \"" + name + "\", which this signature may not use";
            }
        }
        return null;
    }

    /** Decodes unpadded base64url (RFC 7515, section 2), or returns null. */
    private static byte[] base64url(String part) {
        if (part.isEmpty() || part.indexOf('=') >= 0) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
