package dev.hcgateway.config;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The tracer API ({@code /tracer/v1/...}) and its console ({@code /tracer/}), for health officials tracing contacts.
 *
 * @param token    bearer token of every tracer call, or null to serve no tracer API and no console
 * @param timeZone the zone the console shows times in
 */
public record TracerConfig(String token, ZoneId timeZone) {

    public TracerConfig {
        if (token != null && token.length() < 16) {
            throw new ConfigException("tracer.token: must be at least 16 characters");
        }
        if (timeZone == null) {
            timeZone = ZoneId.of("Asia/Shanghai");
        }
    }

    /** Creates the settings with the default zone. */
    public TracerConfig(String token) {
        this(token, null);
    }

    static TracerConfig from(ConfigNode n) {
        String zone = n.optionalString("timeZone");
        try {
            return new TracerConfig(n.optionalString("token"), zone == null ? null : ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new ConfigException("tracer.timeZone: not a time zone id (e.g. Asia/Shanghai)");
        }
    }

    @Override
    public String toString() {
        return "TracerConfig[token=" + (token == null ? "none" : "***") + ", timeZone=" + timeZone + "]";
    }
}
