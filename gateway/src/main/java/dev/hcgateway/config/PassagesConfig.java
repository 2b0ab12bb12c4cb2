package dev.hcgateway.config;

/**
 * Passages: the local journal every judged scan is written to, and the store it is shipped to.
 *
 * @param journal         directory of the journal, or null to record no passages at all
 * @param journalMaxBytes the journal's bound on disk; past it new passages are dropped and counted
 * @param segmentBytes    size at which a journal segment is sealed and a new one started
 * @param fsyncIntervalMs how often the open segment is forced to disk (a machine crash loses at most this much)
 * @param url             the store, {@code postgresql://user@host:5432/db}, or null to journal locally only
 * @param retentionDays   passages older than this are dropped from the store and the journal, and never returned
 * @param batchSize       passages per write (one COPY, one transaction)
 * @param shipInFlight    batches written at once, each on its own connection (besides the pool's)
 * @param shipIntervalMs  pause of the shipper when the journal holds nothing new
 * @param poolSize        store connections at most
 * @param poolWaitQueue   queries waiting for a connection at most; more fail at once
 * @param timeoutMs       connect and pool-wait timeout, and the bound of one store query
 */
public record PassagesConfig(String journal, long journalMaxBytes, long segmentBytes, long fsyncIntervalMs,
                             String url, int retentionDays, int batchSize, int shipInFlight, long shipIntervalMs,
                             int poolSize,
                             int poolWaitQueue, int timeoutMs) {

    public PassagesConfig {
        if (segmentBytes > journalMaxBytes) {
            throw new ConfigException("passages.segmentBytes: must not exceed passages.journalMaxBytes ("
                    + journalMaxBytes + ")");
        }
        if (url != null && !url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new ConfigException("passages.url: must be a postgresql:// URL");
        }
    }

    static PassagesConfig from(ConfigNode n) {
        return new PassagesConfig(n.optionalString("journal"), n.number("journalMaxBytes", 1 << 20, 1L << 40),
                n.number("segmentBytes", 64 << 10, 1L << 32), n.number("fsyncIntervalMs", 10, 60_000),
                n.optionalString("url"), n.integer("retentionDays", 1, 3650), n.integer("batchSize", 1, 50_000),
                n.integer("shipInFlight", 1, 8), n.number("shipIntervalMs", 1, 60_000), n.integer("poolSize", 1, 64),
                n.integer("poolWaitQueue", 1, 10_000), n.integer("timeoutMs", 100, 600_000));
    }

    @Override
    public String toString() {
        // The URL may carry a password.
        return "PassagesConfig[journal=" + journal + ", url=" + (url == null ? "none" : "***") + "]";
    }
}
