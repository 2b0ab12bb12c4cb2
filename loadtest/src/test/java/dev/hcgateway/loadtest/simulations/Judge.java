package dev.hcgateway.loadtest.simulations;

import dev.hcgateway.loadtest.pool.PoolEntry;
import java.util.List;

/** Tells which decisions are right for a pooled code scanned at a scene at a moment of the run. */
@FunctionalInterface
public interface Judge {

    /**
     * Returns the decisions allowed.
     *
     * @param sentAtNanos {@link System#nanoTime()} when the request was sent
     */
    List<String> allowed(PoolEntry entry, String scene, long sentAtNanos);

    /** Returns a judge by the code's own colour: strict, or tolerant of the fallback when the store may be down. */
    static Judge byPolicy(Expectations expectations, boolean degraded) {
        return (entry, scene, sentAt) -> expectations.allowed(entry, entry.category().colour(), scene, degraded);
    }

    /** Returns "ok", or a sentence saying what was wrong, for a Gatling check. */
    default String verdict(String decision, PoolEntry entry, String scene, long sentAtNanos) {
        List<String> allowed = allowed(entry, scene, sentAtNanos);
        if (allowed.contains(decision)) {
            return "ok";
        }
        return entry.category().wire() + " " + entry.kind().wire() + " code at " + scene + " got " + decision
                + ", expected " + String.join(" or ", allowed);
    }
}
