package dev.hcgateway.loadtest.authority;

import java.util.Objects;

/**
 * How the simulated store behaves.
 *
 * @param port              store port (0: any free port)
 * @param controlPort       control port (0: any free port; -1: no control server)
 * @param latency           answer latency
 * @param errorRate         share of lookups answered 500, 0..1
 * @param shedRate          share of lookups answered 503 + Retry-After, 0..1
 * @param schedule          fault windows, from the simulator's start
 * @param token             bearer token required of callers, or null for none
 * @param ttlSeconds        {@code ttlSeconds} of every answer, or 0 to leave it out
 * @param retryAfterSeconds Retry-After of 503 answers
 * @param documentKey       key of the identity-document hash, or null
 */
public record SimulatorConfig(String host, int port, int controlPort, LatencyModel latency, double errorRate,
                              double shedRate, FaultSchedule schedule, String token, int ttlSeconds,
                              int retryAfterSeconds, String documentKey) {

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(schedule, "schedule");
        if (errorRate < 0 || errorRate > 1 || shedRate < 0 || shedRate > 1) {
            throw new IllegalArgumentException("errorRate and shedRate are shares in 0..1");
        }
    }

    /** Returns a store on loopback, any free ports, answering at once, never failing. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, 0, LatencyModel.none(), 0, 0, FaultSchedule.none(), null, 60, 1,
                null);
    }

    /** Returns a copy with other latency. */
    public SimulatorConfig withLatency(LatencyModel model) {
        return new SimulatorConfig(host, port, controlPort, model, errorRate, shedRate, schedule, token, ttlSeconds,
                retryAfterSeconds, documentKey);
    }

    /** Returns a copy with another fault schedule. */
    public SimulatorConfig withSchedule(FaultSchedule faults) {
        return new SimulatorConfig(host, port, controlPort, latency, errorRate, shedRate, faults, token, ttlSeconds,
                retryAfterSeconds, documentKey);
    }

    /** Returns a copy with other error and shed rates. */
    public SimulatorConfig withRates(double errors, double shed) {
        return new SimulatorConfig(host, port, controlPort, latency, errors, shed, schedule, token, ttlSeconds,
                retryAfterSeconds, documentKey);
    }

    /** Returns a copy requiring a bearer token and hashing documents with a key. */
    public SimulatorConfig withSecrets(String bearer, String docKey) {
        return new SimulatorConfig(host, port, controlPort, latency, errorRate, shedRate, schedule, bearer, ttlSeconds,
                retryAfterSeconds, docKey);
    }
}
