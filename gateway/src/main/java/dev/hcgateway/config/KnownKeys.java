package dev.hcgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Refuses keys of an {@code HC_CONFIG} file that the defaults do not have: a misspelt key ({@code http.maxInFlght})
 * or section ({@code htp:}) would otherwise be ignored and the default silently kept. Scenes are named by the
 * operator, so under {@code scenes} any name is allowed and each scene's keys are checked against the bundled ones;
 * under {@code places} any gate-id prefix is allowed (the bundled map is empty) and each place may hold only
 * {@code id} and {@code name}; under {@code authority.issuers} any issuer id is allowed (its entry is checked when
 * read).
 */
final class KnownKeys {

    private static final Set<String> PLACE_KEYS = Set.of("id", "name");

    private KnownKeys() {
    }

    /** Throws {@link ConfigException} naming the file and the full path of the first unknown key. */
    static void check(JsonNode defaults, JsonNode file, String fileName) {
        walk(defaults, file, "", fileName);
    }

    private static void walk(JsonNode known, JsonNode given, String path, String fileName) {
        Iterator<Map.Entry<String, JsonNode>> it = given.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (path.equals("places")) {
                checkPlace(key, e.getValue(), fileName);
                continue;
            }
            if (path.equals("authority.issuers")) {
                continue; // issuer ids are the operator's; AuthorityConfig checks each id and its url and token
            }
            JsonNode template = path.equals("scenes") ? sceneTemplate(known) : known.get(e.getKey());
            if (template == null) {
                throw new ConfigException(key + ": unknown key in " + fileName + " (not in the bundled "
                        + "config/gateway.yaml; misspelt?)");
            }
            if (template.isObject() && e.getValue().isObject()) {
                walk(template, e.getValue(), key, fileName);
            }
        }
    }

    /** Refuses a place other than an object of {@code id} and {@code name} (their values are checked later). */
    private static void checkPlace(String key, JsonNode place, String fileName) {
        Iterator<String> names = place.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!PLACE_KEYS.contains(name)) {
                throw new ConfigException(key + "." + name + ": unknown key in " + fileName
                        + " (a place has only id and name)");
            }
        }
    }

    /** Returns a bundled scene: all of them have the same keys. */
    private static JsonNode sceneTemplate(JsonNode scenes) {
        Iterator<JsonNode> it = scenes.elements();
        return it.hasNext() ? it.next() : null;
    }
}
