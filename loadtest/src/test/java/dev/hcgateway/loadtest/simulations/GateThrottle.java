package dev.hcgateway.loadtest.simulations;

import io.gatling.javaapi.core.Session;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client-side adaptive throttling as a gate would run it (Google's SRE book, "Handling Overload"): each gate
 * remembers how many of its recent scans it sent and how many the gateway accepted, and refuses a scan itself,
 * before sending it, with probability {@code max(0, (requests - k * accepts) / (requests + 1))}. A refusal at the
 * gate costs the gateway nothing, where a {@code 503} still costs it the request's parsing and answer; so past
 * capacity the gateway keeps judging instead of refusing (a real gate then judges offline or asks to scan again).
 *
 * <p>The counts decay by {@link #DECAY} per scan (a memory of ~50 scans, about 10-30 s of a gate at a rush), and
 * live in each gate's session. {@code k <= 0} turns throttling off. Counts the scans refused at the gates.
 */
public final class GateThrottle {

    /** Factor applied to both counts at every scan. */
    static final double DECAY = 0.98;
    private final double k;
    private final AtomicLong refused = new AtomicLong();

    public GateThrottle(double k) {
        this.k = k;
    }

    /** Tells whether the gate of {@code session} sends its next scan. */
    public boolean sends(Session session) {
        if (k <= 0) {
            return true;
        }
        double requests = session.contains("gateRequests") ? session.getDouble("gateRequests") : 0;
        double accepts = session.contains("gateAccepts") ? session.getDouble("gateAccepts") : 0;
        double p = Math.max(0, (requests - k * accepts) / (requests + 1));
        if (ThreadLocalRandom.current().nextDouble() < p) {
            refused.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Counts a scan the gate sent and whether the gateway accepted it; clears the session's failure mark. */
    public Session sent(Session session) {
        double requests = session.contains("gateRequests") ? session.getDouble("gateRequests") : 0;
        double accepts = session.contains("gateAccepts") ? session.getDouble("gateAccepts") : 0;
        boolean accepted = !session.isFailed();
        return session.set("gateRequests", requests * DECAY + 1)
                .set("gateAccepts", accepts * DECAY + (accepted ? 1 : 0))
                .markAsSucceeded();
    }

    /** Returns the scans the gates refused themselves so far. */
    public long refused() {
        return refused.get();
    }
}
