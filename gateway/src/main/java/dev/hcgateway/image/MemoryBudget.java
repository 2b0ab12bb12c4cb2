package dev.hcgateway.image;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway-wide bound on the heap held by upload bodies. A request reserves bytes before it buffers them and
 * gives them back when nothing holds them any more; a reservation that would pass the limit is refused, so
 * many concurrent uploads are answered 503 instead of exhausting the heap. Thread-safe: reservations are made
 * on event loops and may be released on a decode thread.
 */
public final class MemoryBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final Counter refused;

    /** Creates a budget of {@code limitBytes} with its metrics on {@code registry}. */
    public MemoryBudget(long limitBytes, MeterRegistry registry) {
        this.limit = limitBytes;
        this.refused = Counter.builder("hc_image_body_refused")
                .description("Image requests refused because their body would pass the body budget")
                .register(registry);
        Gauge.builder("hc_image_body_bytes", used, AtomicLong::get).baseUnit("bytes")
                .description("Heap reserved by image bodies being received or decoded").register(registry);
        Gauge.builder("hc_image_body_peak_bytes", peak, AtomicLong::get).baseUnit("bytes")
                .description("Highest heap ever reserved by image bodies at once since start").register(registry);
        Gauge.builder("hc_image_body_budget_bytes", () -> limit).baseUnit("bytes")
                .description("Bound on the heap image bodies may reserve (image.bodyBudgetBytes)").register(registry);
    }

    /** Reserves {@code bytes} for one request held by its caller, or returns empty (a counted refusal). */
    public Optional<Reservation> tryReserve(long bytes) {
        if (!take(bytes)) {
            refused.increment();
            return Optional.empty();
        }
        return Optional.of(new Reservation(bytes));
    }

    /** Returns the bytes reserved now. */
    public long used() {
        return used.get();
    }

    /** Returns the most bytes ever reserved at once. */
    public long peak() {
        return peak.get();
    }

    /** Returns the bound. */
    public long limit() {
        return limit;
    }

    private boolean take(long bytes) {
        long now;
        do {
            now = used.get();
            if (now + bytes > limit) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        peak.accumulateAndGet(now + bytes, Math::max);
        return true;
    }

    private void give(long bytes) {
        used.addAndGet(-bytes);
    }

    /**
     * The bytes of one request, shared by its holders (the request until it is answered or gone, a decode job
     * until it ends); the last {@link #release} returns them. Every method is safe to call after the end.
     */
    public final class Reservation {
        private long bytes;
        private int holders = 1;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        /** Reserves {@code more} bytes, or returns false (a counted refusal) when the budget would be passed. */
        public synchronized boolean grow(long more) {
            if (holders == 0) {
                return false; // released: the request is over, nothing may be buffered for it any more
            }
            if (!take(more)) {
                refused.increment();
                return false;
            }
            bytes += more;
            return true;
        }

        /** Returns {@code fewer} bytes to the budget early (a buffer replaced by a smaller one). */
        public synchronized void shrink(long fewer) {
            if (holders > 0) {
                long given = Math.min(fewer, bytes);
                bytes -= given;
                give(given);
            }
        }

        /** Adds a holder (e.g. a decode job that still reads the bytes); returns false once released. */
        public synchronized boolean retain() {
            if (holders == 0) {
                return false;
            }
            holders++;
            return true;
        }

        /** Drops one holder; the last one returns every byte. */
        public synchronized void release() {
            if (holders > 0 && --holders == 0) {
                give(bytes);
                bytes = 0;
            }
        }

        /** Returns the bytes reserved by this request now. */
        public synchronized long bytes() {
            return bytes;
        }
    }
}
