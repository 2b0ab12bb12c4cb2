package dev.hcgateway.hcn1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.HealthCode;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads the CWT claims map and its {@code hc} map (health-code spec, section 2). Unknown keys are skipped;
 * a required key that is missing or of the wrong type makes the whole code malformed (null).
 */
final class ClaimsReader {

    private static final Pattern ISSUER = Pattern.compile("[A-Z0-9-]{1,32}");
    private static final int MAX_SUBJECT = 64;
    private static final int MAX_RELATION = 32;

    /** Returns the claims, or null when the payload is not a valid claims map. */
    HealthCode read(CBORFactory cbor, byte[] payload) throws IOException {
        String iss = null;
        String sub = null;
        long exp = -1;
        long iat = -1;
        byte[] cti = null;
        HcClaims hc = null;
        try (JsonParser p = cbor.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "1" -> iss = text(p, v);
                    case "2" -> sub = text(p, v);
                    case "4" -> exp = uint(p, v);
                    case "6" -> iat = uint(p, v);
                    case "7" -> cti = v == JsonToken.VALUE_EMBEDDED_OBJECT ? p.getBinaryValue() : null;
                    case "-65537" -> hc = v == JsonToken.START_OBJECT ? readHc(p) : null;
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        }
        // iat < exp is a time rule (TimeRules): the vectors want an expired code called expired first.
        // A proxy code must name the holder's relation: the gate staff ask "whose code is this?".
        if (iss == null || !ISSUER.matcher(iss).matches() || !validSubject(sub) || exp < 0 || iat < 0
                || cti == null || cti.length < 8 || cti.length > 16 || hc == null
                || hc.colourAsOf > iat || (hc.kind == CodeKind.PROXY && hc.relation == null)) {
            return null;
        }
        return new HealthCode(iss, sub, iat, exp, cti, hc.colour, hc.colourAsOf, hc.kind, hc.relation,
                hc.vaccinated);
    }

    private record HcClaims(Colour colour, long colourAsOf, CodeKind kind, String relation, boolean vaccinated) {
    }

    private static HcClaims readHc(JsonParser p) throws IOException {
        Colour colour = null;
        long asOf = -1;
        CodeKind kind = CodeKind.PERSONAL;
        String relation = null;
        boolean vaccinated = false;
        boolean valid = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "1" -> colour = Colour.ofCode(uint(p, v));
                case "2" -> asOf = uint(p, v);
                case "3" -> {
                    kind = CodeKind.ofCode(uint(p, v));
                    valid &= kind != null;
                }
                case "4" -> {
                    relation = text(p, v);
                    valid &= relation != null && !relation.isEmpty() && relation.length() <= MAX_RELATION
                            && printable(relation);
                }
                case "5" -> {
                    valid &= v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE;
                    vaccinated = v == JsonToken.VALUE_TRUE;
                }
                default -> p.skipChildren();
            }
        }
        return valid && colour != null && asOf >= 0 ? new HcClaims(colour, asOf, kind, relation, vaccinated) : null;
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    /** Returns an unsigned integer that fits a long, or -1 for anything else. */
    private static long uint(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            return -1;
        }
        JsonParser.NumberType t = p.getNumberType();
        if (t != JsonParser.NumberType.INT && t != JsonParser.NumberType.LONG) {
            return -1;
        }
        long value = p.getLongValue();
        return value >= 0 ? value : -1;
    }

    private static boolean validSubject(String sub) {
        return sub != null && !sub.isEmpty() && sub.codePointCount(0, sub.length()) <= MAX_SUBJECT && printable(sub);
    }

    /**
     * Refuses characters that render as nothing or rearrange what follows: C0 and C1 controls, format characters
     * (bidi overrides and isolates such as U+202E, zero-width characters, U+FEFF), line and paragraph separators,
     * lone surrogates, private-use and unassigned code points. A pseudonym has none, and they would only serve to
     * spoof logs or the staff's screen.
     */
    static boolean printable(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                        Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    return false;
                }
                default -> i += Character.charCount(cp);
            }
        }
        return true;
    }
}
