package dev.hcgateway.loadtest.attack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** The outcome of one attack: answers by status, closes without answer, hangs, and its probe's record. */
final class Tally {

    final String attack;
    private final Map<Integer, AtomicLong> statuses = new TreeMap<>();
    final AtomicLong closedByServer = new AtomicLong();
    final AtomicLong hangs = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    long probeOk;
    long probeFailed;
    long probeMaxMs;
    long probeOutageMs;
    long elapsedMs;

    Tally(String attack) {
        this.attack = attack;
    }

    /** Records one exchange. */
    synchronized void add(Exchange exchange) {
        sent.incrementAndGet();
        if (exchange.hung()) {
            hangs.incrementAndGet();
        } else if (exchange.status() == 0) {
            closedByServer.incrementAndGet();
        } else {
            statuses.computeIfAbsent(exchange.status(), k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Returns the answers with a server-fault status (5xx but 503). */
    synchronized long serverFaults() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** Tells whether the gateway held: no server fault, no hang, the probe gate never out for long. */
    boolean held() {
        return serverFaults() == 0 && hangs.get() == 0 && probeOutageMs < Probe.MAX_OUTAGE_MS;
    }

    @Override
    public synchronized String toString() {
        return String.format("%-13s %6d sent  statuses %-32s closed %5d  hangs %d  probe ok %4d failed %d max %4d ms"
                        + " outage %4d ms  (%d ms)%s", attack, sent.get(), statuses, closedByServer.get(), hangs.get(),
                probeOk, probeFailed, probeMaxMs, probeOutageMs, elapsedMs, held() ? "" : "  NOT HELD");
    }
}
