package dev.hcgateway.config;

/**
 * The HTTP server: where it listens and the limits that Vert.x leaves open by default.
 *
 * @param instances          server verticles, one event loop each; 0 means one per core
 * @param maxBodyBytes       largest JSON request body; larger is 413
 * @param idleTimeoutSeconds closes connections idle this long (Vert.x default: never)
 * @param requestTimeoutMs   answers 503 to a request not answered within this time
 * @param maxInFlight        verify requests admitted at once; more are shed with 503 and Retry-After
 * @param maxConnections     open client connections across all event loops; a request on a connection past
 *                           the bound gets 503 with Retry-After and the connection is closed
 * @param shutdownGraceMs    how long SIGTERM waits for in-flight requests
 */
public record HttpConfig(String host, int port, int instances, int maxBodyBytes, int idleTimeoutSeconds,
                         int requestTimeoutMs, int maxInFlight, int maxConnections, int shutdownGraceMs) {

    static HttpConfig from(ConfigNode n) {
        return new HttpConfig(
                n.string("host"),
                n.integer("port", 0, 65535),
                n.integer("instances", 0, 256),
                n.integer("maxBodyBytes", 256, 1 << 20),
                n.integer("idleTimeoutSeconds", 1, 3600),
                n.integer("requestTimeoutMs", 10, 60_000),
                n.integer("maxInFlight", 1, 1_000_000),
                n.integer("maxConnections", 1, 1_000_000),
                n.integer("shutdownGraceMs", 0, 120_000));
    }
}
