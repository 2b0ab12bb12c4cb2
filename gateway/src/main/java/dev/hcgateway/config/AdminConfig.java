package dev.hcgateway.config;

/**
 * The admin API.
 *
 * @param token bearer token every admin call must carry, or null to serve no admin API at all
 */
public record AdminConfig(String token) {

    public AdminConfig {
        if (token != null && token.length() < 16) {
            throw new ConfigException("admin.token: must be at least 16 characters");
        }
    }

    static AdminConfig from(ConfigNode n) {
        return new AdminConfig(n.optionalString("token"));
    }

    @Override
    public String toString() {
        return "AdminConfig[token=" + (token == null ? "none" : "***") + "]";
    }
}
