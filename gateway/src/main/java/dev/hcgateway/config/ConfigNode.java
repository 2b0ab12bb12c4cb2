package dev.hcgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A typed, validating view of one map of the configuration tree. Every getter names the full key path in
 * its error, so that a bad value stops start-up with a message an operator can act on.
 */
public final class ConfigNode {

    private final JsonNode node;
    private final String path;

    ConfigNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Returns the map under {@code key}; a missing key gives an empty map. */
    public ConfigNode child(String key) {
        JsonNode v = node.get(key);
        if (v != null && !v.isNull() && !v.isObject()) {
            throw fail(key, "must be a map");
        }
        return new ConfigNode(v == null || v.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode() : v, where(key));
    }

    /** Returns the keys of this map, in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(keys::add);
        return keys;
    }

    /** Returns this map's path, e.g. {@code scenes.metro}. */
    public String path() {
        return path;
    }

    /** Returns a required integer within {@code [min, max]}; text holding an integer (from the environment) counts. */
    public long number(String key, long min, long max) {
        JsonNode v = node.get(key);
        long value;
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            value = v.asLong();
        } else if (v != null && v.isTextual()) {
            try {
                value = Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                throw fail(key, "must be an integer in [" + min + ", " + max + "], got \"" + v.asText() + "\"");
            }
        } else {
            throw fail(key, "must be an integer in [" + min + ", " + max + "], got " + describe(v));
        }
        if (value < min || value > max) {
            throw fail(key, "must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** Returns a required int within {@code [min, max]}. */
    public int integer(String key, int min, int max) {
        return (int) number(key, min, max);
    }

    /** Returns a required boolean; the text {@code true} or {@code false} counts. */
    public boolean bool(String key) {
        JsonNode v = node.get(key);
        if (v != null && v.isBoolean()) {
            return v.asBoolean();
        }
        if (v != null && v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw fail(key, "must be true or false, got " + describe(v));
    }

    /** Returns a required, non-blank string. */
    public String string(String key) {
        String s = optionalString(key);
        if (s == null) {
            throw fail(key, "is required");
        }
        return s;
    }

    /** Returns a string, or null when the key is missing, null or blank. */
    public String optionalString(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.isBinary()) {
            throw fail(key, "must be a string, got " + describe(v));
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** Returns a list of strings; a missing key gives an empty list, a comma-separated text a list. */
    public List<String> strings(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            for (String part : v.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (!v.isArray()) {
            throw fail(key, "must be a list, got " + describe(v));
        }
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw fail(key, "must hold strings only, got " + describe(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    /** Returns an error naming {@code key} under this map. */
    public ConfigException fail(String key, String problem) {
        return new ConfigException(where(key) + ": " + problem);
    }

    private String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        return v.isTextual() ? "\"" + v.asText() + "\"" : v.getNodeType().name().toLowerCase() + " " + v;
    }
}
