package dev.hcgateway.config;

/**
 * Passback sightings shared by the gateways of a fleet over Redis (docs/passages.md, "Across gateways"). The
 * rules themselves are per scene ({@link PassbackConfig}).
 *
 * @param sightingKey       the fleet-wide secret of the keyed person hash published to Redis (HMAC-SHA256 over
 *                          its UTF-8 bytes); the same on every gateway, or their sightings never meet
 * @param maxPeople         people held in the local sightings map at most (this gateway's and the fleet's)
 * @param publishIntervalMs how often queued sightings are published
 * @param publishBatch      sightings per stream entry (one XADD) at most
 * @param queueMax          sightings waiting to be published at most; past it the oldest is dropped and counted
 * @param streamMaxLength   the sightings stream is trimmed to about this many entries (XADD MAXLEN ~)
 */
public record SightingsConfig(String sightingKey, long maxPeople, long publishIntervalMs, int publishBatch,
                              int queueMax, long streamMaxLength) {

    /** The demo default of {@code passback.sightingKey} in the bundled defaults: public, so never for production. */
    public static final String DEMO_KEY = "demo-sighting-key-change-me";

    public SightingsConfig {
        if (sightingKey == null || sightingKey.length() < DocumentConfig.MIN_KEY_LENGTH) {
            throw new ConfigException("passback.sightingKey: must be at least " + DocumentConfig.MIN_KEY_LENGTH
                    + " characters");
        }
    }

    /** Tells whether the key is the public demo default. */
    public boolean demoKey() {
        return DEMO_KEY.equals(sightingKey);
    }

    static SightingsConfig from(ConfigNode n) {
        return new SightingsConfig(n.optionalString("sightingKey"), n.number("maxPeople", 1_000, 100_000_000L),
                n.number("publishIntervalMs", 5, 1_000), n.integer("publishBatch", 1, 10_000),
                n.integer("queueMax", 1, 10_000_000), n.number("streamMaxLength", 100, 10_000_000));
    }

    @Override
    public String toString() {
        return "SightingsConfig[sightingKey=***, maxPeople=" + maxPeople + "]";
    }
}
