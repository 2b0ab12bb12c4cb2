package dev.hcgateway.config;

/**
 * The HTTP server: where it listens and the limits that Vert.x leaves open by default.
 *
 * @param instances               server verticles, one event loop each; 0 means one per core
 * @param maxBodyBytes            largest JSON request body; larger is 413
 * @param idleTimeoutSeconds      closes connections idle this long (Vert.x default: never); between requests
 *                                the gateway enforces it itself, so bytes trickled in do not extend it
 * @param requestTimeoutMs        a request not answered within this time gets 503 (body complete) or 408 (body
 *                                still arriving), and its connection is closed
 * @param maxInFlight             verify requests admitted at once; more are shed with 503 and Retry-After
 * @param maxConnections          open client connections across all event loops; at the bound the oldest idle
 *                                connection is closed for a new one, else the new one gets 503 and is closed
 * @param maxConnectionsPerAddress open connections from one client address; more are closed at once
 * @param headerTimeoutMs         a new connection must send a complete request head within this time
 * @param minBodyBytesPerSecond   a body arriving slower than this on average (after the grace) is answered 408
 * @param bodyRateGraceMs         time from the request head before the body rate is enforced
 * @param shedQueueMs             verify is shed (503 overloaded) when its event loop is this late, or when this
 *                                long has passed since the request head by the time its body is complete
 * @param drainGraceMs            on SIGTERM, open connections keep being served this long (answers carry
 *                                {@code Connection: close}) before the listener closes
 * @param shutdownGraceMs         after the drain, how long in-flight requests get to finish
 * @param perAddress              requests a second of one client address (all gates and scenes behind it)
 * @param tls                     TLS and client certificates, or {@link TlsConfig#OFF}
 */
public record HttpConfig(String host, int port, int instances, int maxBodyBytes, int idleTimeoutSeconds,
                         int requestTimeoutMs, int maxInFlight, int maxConnections, int maxConnectionsPerAddress,
                         int headerTimeoutMs, int minBodyBytesPerSecond, int bodyRateGraceMs, int shedQueueMs,
                         int drainGraceMs, int shutdownGraceMs, RateLimit perAddress, TlsConfig tls) {

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
                n.integer("maxConnectionsPerAddress", 1, 1_000_000),
                n.integer("headerTimeoutMs", 10, 120_000),
                n.integer("minBodyBytesPerSecond", 1, 1 << 30),
                n.integer("bodyRateGraceMs", 0, 120_000),
                n.integer("shedQueueMs", 1, 60_000),
                n.integer("drainGraceMs", 0, 120_000),
                n.integer("shutdownGraceMs", 0, 120_000),
                RateLimit.from(n.child("rateLimit"), "perSecond"),
                TlsConfig.from(n.child("tls")));
    }
}
