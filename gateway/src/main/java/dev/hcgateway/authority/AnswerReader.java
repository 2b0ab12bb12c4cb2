package dev.hcgateway.authority;

import dev.hcgateway.model.StoreColour;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hcgateway.model.Colour;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validates a {@code 200} lookup answer against what was asked. Anything off makes the whole answer garbage
 * (no answer): a store that answers for the wrong subjects, twice for one, with an unknown colour or with
 * out-of-range times is not to be trusted for the rest of that body either.
 */
final class AnswerReader {

    /** How far in the future an {@code asOf} may be (clock skew between the store and us). */
    static final long MAX_AS_OF_SKEW_SECONDS = 300;
    /** Largest {@code ttlSeconds} read as such; config caps it much lower anyway. */
    static final long MAX_TTL_SECONDS = 10L * 365 * 86_400;
    static final int MAX_SUBJECT_LENGTH = 64;

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Returns the colours by key, or null when the body is not a valid answer to exactly the keys asked.
     *
     * @param keyField   {@code subject} for subject lookups, {@code hash} for document lookups
     * @param nowSeconds the gateway's time, to bound {@code asOf}
     */
    Map<String, StoreColour> read(byte[] body, String keyField, Set<String> asked, long nowSeconds) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return null;
        }
        JsonNode colours = root == null ? null : root.get("colours");
        if (colours == null || !colours.isArray() || colours.size() != asked.size()) {
            return null;
        }
        Map<String, StoreColour> out = new HashMap<>(asked.size() * 2);
        boolean documents = !keyField.equals("subject");
        for (JsonNode item : colours) {
            JsonNode key = item.get(keyField);
            if (!item.isObject() || key == null || !key.isTextual() || !asked.contains(key.asText())
                    || out.containsKey(key.asText())) {
                return null;
            }
            StoreColour entry = entry(item, documents, nowSeconds);
            if (entry == null) {
                return null;
            }
            out.put(key.asText(), entry);
        }
        return out;
    }

    private static StoreColour entry(JsonNode item, boolean documents, long nowSeconds) {
        JsonNode name = item.get("colour");
        Colour colour = name != null && name.isTextual() ? Colour.ofWire(name.asText()) : null;
        if (colour == null || colour == Colour.GREY) { // grey is the gateway's word for an expired code, not the store's
            return null;
        }
        long asOf = number(item.get("asOf"), 0, nowSeconds + MAX_AS_OF_SKEW_SECONDS);
        long ttl = number(item.get("ttlSeconds"), 0, MAX_TTL_SECONDS);
        if (asOf == Long.MIN_VALUE || ttl == Long.MIN_VALUE || (asOf == -1 && colour != Colour.UNKNOWN)) {
            return null; // out of range, not an integer, or a real colour without its time
        }
        String subject = null;
        if (documents && colour != Colour.UNKNOWN) {
            JsonNode s = item.get("subject");
            if (s != null && !s.isNull()) {
                if (!s.isTextual() || !printable(s.asText())) {
                    return null;
                }
                subject = s.asText();
            }
        }
        return new StoreColour(colour, asOf, ttl, subject);
    }

    /** Returns the integer in range, -1 when absent, {@link Long#MIN_VALUE} when present but invalid. */
    private static long number(JsonNode v, long min, long max) {
        if (v == null || v.isNull()) {
            return -1;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            return Long.MIN_VALUE;
        }
        return v.asLong();
    }

    private static boolean printable(String s) {
        return !s.isEmpty() && s.length() <= MAX_SUBJECT_LENGTH && s.chars().allMatch(c -> c >= 0x20 && c != 0x7F);
    }
}
