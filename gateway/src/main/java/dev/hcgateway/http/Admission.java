package dev.hcgateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the work the gateway takes on, across all event loops: verify requests in progress, and open client
 * connections. Past a bound the excess is refused at once (503 + Retry-After) rather than queued: a queue only
 * adds latency that the gate's 300 ms cannot afford, and memory that a flood would exhaust.
 *
 * <p>The verify bound is fixed, not adaptive: see docs/operations.md ("Overload") for why.
 */
public final class Admission {

    private final int limit;
    private final int maxConnections;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter shed;
    private final Counter connectionsRefused;
    private final AddressCap addresses;

    /** Creates a limiter admitting at most {@code limit} requests at once, with no connection bound. */
    public Admission(int limit, MeterRegistry registry) {
        this(limit, Integer.MAX_VALUE, registry);
    }

    /** Creates a limiter admitting {@code limit} verify requests and {@code maxConnections} connections at once. */
    public Admission(int limit, int maxConnections, MeterRegistry registry) {
        this(limit, maxConnections, maxConnections, registry);
    }

    /** Creates a limiter that also bounds the connections of one client address to {@code maxPerAddress}. */
    public Admission(int limit, int maxConnections, int maxPerAddress, MeterRegistry registry) {
        if (limit < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.limit = limit;
        this.maxConnections = maxConnections;
        this.addresses = new AddressCap(maxPerAddress);
        this.shed = Counter.builder("hc_requests_shed").description("Requests refused with 503 by the in-flight limit")
                .register(registry);
        this.connectionsRefused = Counter.builder("hc_connections_refused")
                .description("Connections refused (503, then closed) by the connection limit").register(registry);
        Gauge.builder("hc_requests_in_flight", inFlight, AtomicInteger::get)
                .description("Verify requests in progress").register(registry);
        Gauge.builder("hc_requests_in_flight_limit", () -> this.limit)
                .description("Verify requests admitted at once").register(registry);
        Gauge.builder("hc_connections_open", connections, AtomicInteger::get)
                .description("Client connections open and admitted").register(registry);
        Gauge.builder("hc_connections_limit", () -> this.maxConnections)
                .description("Client connections admitted at once").register(registry);
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

    /** Takes {@code permits} slots, or refuses the request with {@link ApiError#OVERLOADED} (503, Retry-After). */
    public void admit(int permits) {
        if (!tryAcquire(permits)) {
            throw ApiError.OVERLOADED.exception();
        }
    }

    /** Returns slots taken by {@link #tryAcquire}. */
    public void release(int permits) {
        inFlight.addAndGet(-permits);
    }

    /**
     * Tells whether the verify bound is reached; when so, counts the request as shed. A cheap pre-check before
     * routing, so that a storm of requests past the bound costs as little as possible ({@link #tryAcquire}
     * still decides for the requests that pass it).
     */
    public boolean shedIfFull() {
        if (inFlight.get() >= limit) {
            shed.increment();
            return true;
        }
        return false;
    }

    /** Returns the requests in progress. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Counts a new connection; returns false when it is over the bound, in which case it was not counted and the
     * caller makes room ({@link #connectionReplacing}) or refuses it ({@link #connectionRefused}).
     */
    public boolean connectionOpened() {
        if (connections.incrementAndGet() > maxConnections) {
            connections.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Counts a connection refused by the bound (answered 503, then closed). */
    public void connectionRefused() {
        connectionsRefused.increment();
    }

    /**
     * Counts a connection admitted past the bound because an idle one was closed to make room: that one is
     * uncounted when its close completes, so the excess is one connection for a moment.
     */
    public void connectionReplacing() {
        connections.incrementAndGet();
    }

    /** Counts a request shed for a reason other than the in-flight bound (a late event loop). */
    public void countShed() {
        shed.increment();
    }

    /** Returns the per-address connection bound, shared by every event loop. */
    AddressCap addresses() {
        return addresses;
    }

    /** Uncounts a connection admitted by {@link #connectionOpened}. */
    public void connectionClosed() {
        connections.decrementAndGet();
    }

    /** Returns the admitted connections open now. */
    public int connections() {
        return connections.get();
    }
}
