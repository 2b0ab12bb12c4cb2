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
 * @param maxConnectionsPerAddress open connections from one client address; a connection past it has its first
 *                                request answered 503 {@code too_many_connections}, then is closed
 * @param headerTimeoutMs         a new connection must send a complete request head within this time
 * @param minBodyBytesPerSecond   a body arriving slower than this on average (after the grace) is answered 408
 * @param bodyRateGraceMs         time from the request head before the body rate is enforced
 * @param shedQueueMs             queue-delay target of an event loop: once its loop has run later than this for
 *                                {@code shedIntervalMs} (a standing queue), a judged request that waited longer
 *                                is shed at once (503 overloaded); a burst that drains sooner is judged whole
 * @param shedIntervalMs          how long the loop's lag must stay above {@code shedQueueMs} before shedding, and
 *                                below 1 ms before shedding stops (CoDel's interval)
 * @param warmupSeconds           before readiness, the gateway judges synthetic codes of its own over loopback
 *                                until the hot path is compiled, at most this long; 0 skips the warm-up
 * @param drainGraceMs            on SIGTERM, open connections keep being served this long (answers carry
 *                                {@code Connection: close}) before the listener closes
 * @param shutdownGraceMs         after the drain, how long in-flight requests get to finish
 * @param perAddress              requests a second of one client address (all gates and scenes behind it)
 * @param tls                     TLS and client certificates, or {@link TlsConfig#OFF}
 */
public record HttpConfig(String host, int port, int instances, int maxBodyBytes, int idleTimeoutSeconds,
                         int requestTimeoutMs, int maxInFlight, int maxConnections, int maxConnectionsPerAddress,
                         int headerTimeoutMs, int minBodyBytesPerSecond, int bodyRateGraceMs, int shedQueueMs,
                         int shedIntervalMs, int warmupSeconds, int drainGraceMs, int shutdownGraceMs,
                         RateLimit perAddress, TlsConfig tls) {

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
                n.integer("shedIntervalMs", 10, 60_000),
                n.integer("warmupSeconds", 0, 600),
                n.integer("drainGraceMs", 0, 120_000),
                n.integer("shutdownGraceMs", 0, 120_000),
                RateLimit.from(n.child("rateLimit"), "perSecond"),
                TlsConfig.from(n.child("tls")));
    }
}
