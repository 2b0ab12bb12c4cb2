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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the configuration once: the bundled commented defaults ({@code config/gateway.yaml}), then the file
 * named by {@code HC_CONFIG} merged over them, then {@code HC_*} environment variables over both.
 *
 * <p>Each scalar or list key, at any depth, is overridden by the variable its path spells: {@code http.port} by
 * {@code HC_HTTP_PORT}, {@code codes.maxValidityDays.paper} by {@code HC_CODES_MAX_VALIDITY_DAYS_PAPER},
 * {@code scenes.metro.maxCodeAgeSeconds} by {@code HC_SCENES_METRO_MAX_CODE_AGE_SECONDS} (a list takes
 * comma-separated text: {@code HC_SCENES_METRO_DENY=yellow,orange,red}). Only keys the tree has (the defaults and
 * {@code HC_CONFIG}'s file) can be set: a variable cannot add a scene. A bad value's error names its variable.
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
        Map<String, String> setBy = applyEnvironment(tree, env, warnings);
        try {
            return GatewayConfig.from(new ConfigNode(tree, ""));
        } catch (ConfigException e) {
            throw naming(e, setBy);
        }
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

    /**
     * Puts every {@code HC_*} variable that names a key of the tree over it and returns which variable set which
     * key path. Scenes included: a scene read from {@code HC_CONFIG} takes variables like a bundled one.
     */
    private static Map<String, String> applyEnvironment(ObjectNode tree, Map<String, String> env,
                                                        List<String> warnings) {
        // HC_LOG_LEVEL is read by logback.xml, HC_DEMO (allow the demo trust list) by the serve command.
        Set<String> used = new HashSet<>(List.of("HC_CONFIG", "HC_LOG_LEVEL", "HC_DEMO"));
        Map<String, String> setBy = new LinkedHashMap<>();
        override(tree, "", "HC", aliased(env, used), used, setBy);
        env.keySet().stream().filter(k -> k.startsWith("HC_") && !used.contains(k)).sorted()
                .forEach(k -> warnings.add("environment variable " + k + " matches no configuration key; ignored"));
        return setBy;
    }

    /**
     * Returns the environment with each contract-named alias read as the variable its key's path spells
     * ({@code HC_TRUST_ANCHOR} as {@code HC_TRUST_ANCHOR_KEY}); both set to different values is refused.
     */
    private static Map<String, String> aliased(Map<String, String> env, Set<String> used) {
        Map<String, String> aliases = Map.of(TrustConfig.ANCHOR_VARIABLE, "HC_TRUST_ANCHOR_KEY");
        Map<String, String> out = new java.util.HashMap<>(env);
        aliases.forEach((alias, name) -> {
            String value = env.get(alias);
            if (value == null) {
                return;
            }
            String other = env.get(name);
            if (other != null && !other.equals(value)) {
                throw new ConfigException(alias + " and " + name + " are both set, to different files: set one");
            }
            out.put(name, value);
            used.add(alias);
        });
        return out;
    }

    /** Overrides each scalar or list under {@code map} whose variable is set, at any depth. */
    private static void override(ObjectNode map, String path, String prefix, Map<String, String> env,
                                 Set<String> used, Map<String, String> setBy) {
        for (String key : iterable(map.fieldNames())) {
            String name = prefix + "_" + snake(key);
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (map.get(key) instanceof ObjectNode inner) {
                override(inner, keyPath, name, env, used, setBy);
            } else if (env.get(name) != null) {
                map.put(key, env.get(name));
                used.add(name);
                setBy.put(keyPath, name);
            }
        }
    }

    /** Returns the error with the variable that set its key named, so the operator knows where to look. */
    private static ConfigException naming(ConfigException e, Map<String, String> setBy) {
        String message = e.getMessage();
        return setBy.entrySet().stream()
                .filter(set -> message.startsWith(set.getKey() + ":"))
                .findFirst()
                .map(set -> new ConfigException(message + " (set by " + set.getValue() + ")"))
                .orElse(e);
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Returns {@code someKey} as {@code SOME_KEY}; a character a variable name cannot hold becomes {@code _}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]", "_")
                .toUpperCase(Locale.ROOT);
    }
}
