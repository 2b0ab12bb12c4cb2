package dev.hcgateway.cli;

import dev.hcgateway.format.Decoded;
import dev.hcgateway.hcn1.Hcn1Decoder;
import dev.hcgateway.model.HealthCode;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a code says, decoded but not verified: its id (the {@code cti} in lower-case hex, the id to revoke), the
 * signing key's kid (base64url, as in the trust list), and its claims with times in ISO-8601.
 */
final class CodeInspection {

    private final Hcn1Decoder decoder = new Hcn1Decoder();

    /**
     * Returns the fields of a code in a fixed order, or throws {@link CliFailure} naming why it does not decode.
     * {@code now} only sets {@code expired}.
     */
    Map<String, Object> fields(String text, Instant now) {
        Decoded<HealthCode> decoded = decoder.decode(text.trim());
        if (decoded instanceof Decoded.Refused<HealthCode> why) {
            throw new CliFailure("not a decodable code (" + why.reason().wire() + "): a health code starts with "
                    + Hcn1Decoder.PREFIX);
        }
        Decoded.Signed<HealthCode> d = (Decoded.Signed<HealthCode>) decoded;
        HealthCode c = d.claims();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", c.codeIdHex());
        f.put("kid", Base64.getUrlEncoder().withoutPadding().encodeToString(d.kid()));
        f.put("issuer", c.issuer());
        f.put("subject", c.subject());
        f.put("kind", c.kind().wire());
        f.put("relation", c.relation());
        f.put("colour", c.colour().wire());
        f.put("colourAsOf", iso(c.colourAsOf()));
        f.put("vaccinated", c.vaccinated());
        f.put("iat", iso(c.issuedAt()));
        f.put("exp", iso(c.expiresAt()));
        f.put("expired", now.getEpochSecond() >= c.expiresAt());
        return f;
    }

    /** Returns the fields as one JSON object. */
    static String json(Map<String, Object> fields) {
        return new JsonObject(fields).encodePrettily();
    }

    /** Returns the fields as aligned {@code name  value} lines, a note on verification last. */
    static String text(Map<String, Object> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((name, value) -> b.append(String.format("%-11s %s%n", name, value == null ? "-" : value)));
        return b.append("(decoded only: signature, trust list and revocations are not checked)").toString();
    }

    private static String iso(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
