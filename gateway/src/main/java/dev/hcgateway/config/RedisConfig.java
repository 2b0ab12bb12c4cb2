package dev.hcgateway.config;

/**
 * Redis, home of the revocation set and the change stream.
 *
 * @param uri       e.g. {@code redis://127.0.0.1:6379/0}, or null for an in-process revocation set
 * @param keyPrefix prefix of every key the gateway reads or writes
 */
public record RedisConfig(String uri, String keyPrefix) {

    static RedisConfig from(ConfigNode n) {
        String prefix = n.string("keyPrefix");
        return new RedisConfig(n.optionalString("uri"), prefix);
    }
}
