package dev.hcgateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the verify requests in progress across all event loops. Past the bound a request is refused at once
 * (503 + Retry-After) rather than queued: a queue only adds latency that the gate's 300 ms cannot afford.
 */
public final class Admission {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;

    /** Creates a limiter admitting at most {@code limit} requests at once. */
    public Admission(int limit, MeterRegistry registry) {
        this.limit = limit;
        this.shed = Counter.builder("hc_requests_shed").description("Requests refused with 503 by the in-flight limit")
                .register(registry);
        Gauge.builder("hc_requests_in_flight", inFlight, AtomicInteger::get)
                .description("Verify requests in progress").register(registry);
        Gauge.builder("hc_requests_in_flight_limit", () -> this.limit)
                .description("Verify requests admitted at once").register(registry);
    }

    /** Takes {@code permits} slots; returns false (and counts the shed request) when that would pass the bound. */
    public boolean tryAcquire(int permits) {
        int now = inFlight.addAndGet(permits);
        if (now > limit) {
            inFlight.addAndGet(-permits);
            shed.increment();
            return false;
        }
        return true;
    }

    /** Returns slots taken by {@link #tryAcquire}. */
    public void release(int permits) {
        inFlight.addAndGet(-permits);
    }

    /** Returns the requests in progress. */
    public int inFlight() {
        return inFlight.get();
    }
}
