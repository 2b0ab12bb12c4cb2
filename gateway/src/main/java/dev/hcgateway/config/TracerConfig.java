package dev.hcgateway.config;

/**
 * The tracer API ({@code /tracer/v1/...}), for health officials tracing contacts.
 *
 * @param token bearer token of every tracer call, or null to serve no tracer API
 */
public record TracerConfig(String token) {

    public TracerConfig {
        if (token != null && token.length() < 16) {
            throw new ConfigException("tracer.token: must be at least 16 characters");
        }
    }

    static TracerConfig from(ConfigNode n) {
        return new TracerConfig(n.optionalString("token"));
    }

    @Override
    public String toString() {
        return "TracerConfig[token=" + (token == null ? "none" : "***") + "]";
    }
}
