package dev.hcgateway.http;

import dev.hcgateway.http.connection.AddressCap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the work the gateway takes on, across all event loops: verify requests in progress, and open client
 * connections. Past a bound the excess is refused at once (503 + Retry-After) rather than queued: a queue only
 * adds latency that the gate's 300 ms cannot afford, and memory that a flood would exhaust.
 *
 * <p>The verify bound is fixed, not adaptive: see docs/operations.md ("Overload") for why.
 */
public final class Admission {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);
    /** At most one log line a minute about addresses at their cap: a NAT at its cap would otherwise flood it. */
    private static final long AT_CAP_LOG_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int limit;
    private final int maxConnections;
    private final int perAddress;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter shed;
    private final Counter connectionsRefused;
    private final Counter atAddressCap;
    private final AddressCap addresses;
    private final AtomicLong lastAtCapLog = new AtomicLong(System.nanoTime() - AT_CAP_LOG_NANOS);

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
        this.perAddress = maxPerAddress;
        this.shed = Counter.builder("hc_requests_shed")
                .description("Judged requests refused 503 overloaded: the in-flight bound, or a standing queue")
                .register(registry);
        this.connectionsRefused = Counter.builder("hc_connections_refused")
                .description("Connections refused (503, then closed) by the connection limit").register(registry);
        this.atAddressCap = Counter.builder("hc_connections_at_address_cap")
                .description("Connections past their address's bound (answered 503 too_many_connections, then closed)")
                .register(registry);
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
     * Tells whether the in-flight bound is reached: a cheap check at a request's head, so that a storm of requests
     * past the bound costs as little as possible ({@link #tryAcquire} still decides for the requests that pass).
     */
    public boolean full() {
        return inFlight.get() >= limit;
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

    /** Counts a request shed at its head (the bound was full, or its loop's queue stands). */
    public void countShed() {
        shed.increment();
    }

    /** Returns the per-address connection bound, shared by every event loop. */
    public AddressCap addresses() {
        return addresses;
    }

    /**
     * Counts a connection that found its address at its bound ({@code hc_connections_at_address_cap_total}), and
     * says so in the log at most once a minute: a station behind one NAT, or a balancer that does not keep client
     * addresses, needs a larger {@code http.maxConnectionsPerAddress}.
     */
    public void addressAtCap(String address) {
        atAddressCap.increment();
        long now = System.nanoTime();
        long last = lastAtCapLog.get();
        if (now - last >= AT_CAP_LOG_NANOS && lastAtCapLog.compareAndSet(last, now)) {
            LOG.warn("client address {} is at http.maxConnectionsPerAddress ({}): its new connections are answered "
                    + "503 too_many_connections (hc_connections_at_address_cap_total)", address, perAddress);
        }
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
