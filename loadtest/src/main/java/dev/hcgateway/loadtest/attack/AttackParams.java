package dev.hcgateway.loadtest.attack;

/**
 * The bounds of one run: every attack stops at its count or its duration, whichever comes first.
 *
 * @param connections sockets per connection attack (aim at twice the gateway's {@code http.maxConnections})
 * @param seconds     how long each trickling attack lasts
 * @param uploads     concurrent 4 MiB image uploads
 * @param pipelined   requests pipelined per connection
 * @param fuzzed      fuzzed requests, over every route
 * @param seed        the fuzzer's seed, so that a finding can be replayed
 */
record AttackParams(int connections, int seconds, int uploads, int pipelined, int fuzzed, long seed) {

    /** The CI run: a few seconds in all against a gateway with a small connection bound. */
    static AttackParams smoke() {
        return new AttackParams(128, 4, 8, 20, 1_000, 7);
    }

    /** The documented long run (docs/attack.md); {@code -Dhc.attack.connections=N} sets its connection count. */
    static AttackParams full() {
        return new AttackParams(Integer.getInteger("hc.attack.connections", 8_400), 10, 32, 200, 10_000, 7);
    }
}
