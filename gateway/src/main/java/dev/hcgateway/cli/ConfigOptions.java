package dev.hcgateway.cli;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration every command reads, the way {@code serve} does: the bundled defaults, the file of
 * {@code HC_CONFIG} (or {@code --config}), the {@code HC_*} variables, and the command's own options on top (each
 * standing in for its variable). One loader, so a tool never reads another Redis or key prefix than the gateway.
 */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file merged over the defaults (HC_CONFIG)")
    String config;

    /**
     * Loads the configuration; {@code options} maps variable names to a command's option values (null: not given).
     *
     * @throws dev.hcgateway.config.ConfigException naming the key (the command exits with 2)
     */
    GatewayConfig load(Map<String, String> env, Map<String, String> options, List<String> warnings) {
        Map<String, String> merged = new HashMap<>(env);
        if (config != null) {
            merged.put("HC_CONFIG", config);
        }
        options.forEach((name, value) -> {
            if (value != null) {
                merged.put(name, value);
            }
        });
        return new ConfigLoader().load(merged, warnings);
    }
}
