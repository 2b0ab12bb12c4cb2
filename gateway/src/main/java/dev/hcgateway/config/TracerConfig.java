package dev.hcgateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The tracer API ({@code /tracer/v1/...}) and its console ({@code /tracer/}), for health officials tracing contacts.
 * Served when a shared {@code token} or the identity provider's {@code jwks} (officer JWTs) is set.
 *
 * @param token        the shared bearer token (officer {@code shared-token}, role {@code tracer}), or null
 * @param timeZone     the zone the console shows times in
 * @param jwks         the JWKS file of the identity provider whose JWTs name officers, or null
 * @param jwksReloadMs how often the JWKS file is looked at, read again when it changed
 * @param jwtIssuer    the {@code iss} officer JWTs must carry, or null for any
 * @param jwtAudience  an {@code aud} officer JWTs must carry, or null for any
 */
public record TracerConfig(String token, ZoneId timeZone, String jwks, long jwksReloadMs, String jwtIssuer,
                           String jwtAudience) {

    public TracerConfig {
        if (token != null && token.length() < 16) {
            throw new ConfigException("tracer.token: must be at least 16 characters");
        }
        if (timeZone == null) {
            timeZone = ZoneId.of("Asia/Shanghai");
        }
        if (jwks != null && !Files.isReadable(Path.of(jwks))) {
            throw new ConfigException("tracer.jwks: not a readable file: " + jwks);
        }
        if (jwksReloadMs <= 0) {
            jwksReloadMs = 10_000;
        }
    }

    /** Tells whether the tracer API and console are served. */
    public boolean enabled() {
        return token != null || jwks != null;
    }

    static TracerConfig from(ConfigNode n) {
        String zone = n.optionalString("timeZone");
        ZoneId id;
        try {
            id = zone == null ? null : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ConfigException("tracer.timeZone: not a time zone id (e.g. Asia/Shanghai)");
        }
        return new TracerConfig(n.optionalString("token"), id, n.optionalString("jwks"),
                n.number("jwksReloadMs", 100, 3_600_000), n.optionalString("jwtIssuer"),
                n.optionalString("jwtAudience"));
    }

    @Override
    public String toString() {
        return "TracerConfig[token=" + (token == null ? "none" : "***") + ", timeZone=" + timeZone + ", jwks=" + jwks
                + "]";
    }
}
