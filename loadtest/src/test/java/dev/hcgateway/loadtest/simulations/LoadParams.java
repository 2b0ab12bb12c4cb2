package dev.hcgateway.loadtest.simulations;

import java.time.Duration;

/**
 * The knobs of a run, read from {@code -Dhc.*} system properties, each with a default fit for a real rehearsal
 * (the Maven smoke passes small ones). Every simulation reads the common ones; each documents its own.
 *
 * <pre>
 * hc.gatewayUrl        target gateway; empty: start one in-process (offline or with the store simulator)
 * hc.rate              peak arrivals per second (open model: scans arrive whatever the answers' pace)
 * hc.gates            MetroMorningPeak: a fleet of this many gates (own connections) instead of open arrivals (0)
 * hc.gateThrottleK     the fleet's gates throttle themselves adaptively with this k (SRE book; 0: off)
 * hc.baseRate          arrivals per second at the start of the ramp
 * hc.rampSeconds       ramp from baseRate to rate
 * hc.holdSeconds       hold at rate
 * hc.scenes            scene mix, e.g. metro=70,rail=20,venue=10
 * hc.pool.file         pre-minted pool (codes.tsv of the pool generator); empty: mint at start
 * hc.pool.key          issuer key to mint with (issuer.key of the pool generator); empty: a fresh key
 * hc.pool.issuer       issuer id of that key (LOADTEST)
 * hc.pool.size         codes to mint at start
 * hc.pool.mix          mix of categories and kinds (see PoolMix)
 * hc.pool.refreshSeconds  re-mint a pooled code this old before sending it (metro refuses codes over 180 s)
 * hc.authority         for an in-process gateway: simulator (default), offline, or a store URL
 * hc.authority.latency store simulator latency (lognormal:3,25)
 * hc.authority.control control URL of a standalone simulator, for runs against a remote gateway
 * hc.adminToken        admin token of the gateway (an in-process one gets a generated token)
 * hc.instances         event loops of an in-process gateway
 * hc.p99Ms, hc.maxMs   latency budgets asserted on every verify
 * hc.warmup            requests sent to an in-process gateway before the run, so the JIT is warm
 * </pre>
 */
public final class LoadParams {

    private LoadParams() {
    }

    /** Returns a string property, or the default when absent or blank. */
    public static String string(String name, String def) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? def : v.trim();
    }

    /** Returns an integer property. */
    public static int integer(String name, int def) {
        return Integer.parseInt(string(name, Integer.toString(def)));
    }

    /** Returns a decimal property. */
    public static double decimal(String name, double def) {
        return Double.parseDouble(string(name, Double.toString(def)));
    }

    /** Returns a duration property given in (decimal) seconds. */
    public static Duration seconds(String name, double def) {
        return Duration.ofMillis(Math.round(decimal(name, def) * 1000));
    }

    /**
     * Prints what a run is about to do, before anything starts: its target, peak rate and duration, so a log
     * of a run (or of CI) says against what and how hard it pushed.
     */
    public static void announce(String simulation, double peakRate, Duration duration) {
        String remote = string("hc.gatewayUrl", "");
        String target = remote.isEmpty()
                ? "in-process gateway, store: " + string("hc.authority", "simulator") : remote;
        System.out.printf("[run] %s: target %s, peak rate %.1f/s, duration %d s%n", simulation, target, peakRate,
                duration.toSeconds());
    }

    /** Returns the peak rate (arrivals/s). */
    public static double rate(double def) {
        return decimal("hc.rate", def);
    }
}
