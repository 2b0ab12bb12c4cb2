package dev.hcgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration once: the bundled commented defaults ({@code config/gateway.yaml}), then the file
 * named by {@code HC_CONFIG} merged over them, then {@code HC_*} environment variables over both.
 *
 * <p>Each scalar key {@code section.someKey} is overridden by {@code HC_SECTION_SOME_KEY}, e.g.
 * {@code http.port} by {@code HC_HTTP_PORT} and {@code trust.file} by {@code HC_TRUST_FILE}; a key one map
 * deeper likewise ({@code codes.maxValidityDays.paper} by {@code HC_CODES_MAX_VALIDITY_DAYS_PAPER}).
 */
public final class ConfigLoader {

    /** The classpath location of the bundled defaults. */
    public static final String DEFAULTS = "/hc-defaults/gateway.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Loads the configuration for this environment; warnings (unknown variables) go to {@code warnings}. */
    public GatewayConfig load(Map<String, String> env, List<String> warnings) {
        ObjectNode tree = defaults();
        String file = env.get("HC_CONFIG");
        if (file != null && !file.isBlank()) {
            JsonNode overrides = readFile(Path.of(file));
            KnownKeys.check(tree, overrides, file);
            merge(tree, overrides);
        }
        applyEnvironment(tree, env, warnings);
        return GatewayConfig.from(new ConfigNode(tree, ""));
    }

    /** Loads the defaults with overrides given as {@code section.key -> value}: for tests and tools. */
    public GatewayConfig defaultsWith(Map<String, Object> overrides) {
        ObjectNode tree = defaults();
        overrides.forEach((key, value) -> {
            String[] parts = key.split("\\.");
            ObjectNode at = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                at = at.has(parts[i]) && at.get(parts[i]).isObject() ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
            }
            at.set(parts[parts.length - 1], yaml.valueToTree(value));
        });
        return GatewayConfig.from(new ConfigNode(tree, ""));
    }

    private ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new ConfigException("bundled defaults " + DEFAULTS + " missing from the jar");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new ConfigException("bundled defaults unreadable: " + e.getMessage());
        }
    }

    private JsonNode readFile(Path file) {
        try {
            JsonNode node = yaml.readTree(Files.readAllBytes(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return yaml.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": the top level must be a map");
            }
            return node;
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read configuration: " + e.getMessage());
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue().isObject()) {
                merge(target, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode tree, Map<String, String> env, List<String> warnings) {
        // HC_LOG_LEVEL is read by logback.xml, HC_DEMO (allow the demo trust list) by the serve command.
        List<String> used = new ArrayList<>(List.of("HC_CONFIG", "HC_LOG_LEVEL", "HC_DEMO"));
        Iterator<Map.Entry<String, JsonNode>> sections = tree.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!(section.getValue() instanceof ObjectNode map) || section.getKey().equals("scenes")) {
                continue;
            }
            String prefix = "HC_" + snake(section.getKey()) + "_";
            for (String key : iterable(map.fieldNames())) {
                if (map.get(key) instanceof ObjectNode inner) {
                    // One level of nesting: codes.maxValidityDays.paper -> HC_CODES_MAX_VALIDITY_DAYS_PAPER.
                    override(inner, prefix + snake(key) + "_", env, used);
                } else {
                    override(map, prefix, env, used, key);
                }
            }
        }
        env.keySet().stream().filter(k -> k.startsWith("HC_") && !used.contains(k)).sorted()
                .forEach(k -> warnings.add("environment variable " + k + " matches no configuration key; ignored"));
    }

    private static void override(ObjectNode map, String prefix, Map<String, String> env, List<String> used) {
        for (String key : iterable(map.fieldNames())) {
            if (!map.get(key).isContainerNode() || map.get(key).isArray()) {
                override(map, prefix, env, used, key);
            }
        }
    }

    private static void override(ObjectNode map, String prefix, Map<String, String> env, List<String> used,
                                 String key) {
        String name = prefix + snake(key);
        String value = env.get(name);
        if (value != null) {
            map.put(key, value);
            used.add(name);
        }
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Returns {@code someKey} as {@code SOME_KEY}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
