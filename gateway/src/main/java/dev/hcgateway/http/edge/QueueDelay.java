package dev.hcgateway.http.edge;

import io.vertx.core.Context;
import io.vertx.core.Handler;

import java.util.function.LongSupplier;

/**
 * Decides whether a request read by one event loop is shed because the loop's queue stands: CoDel's test (RFC
 * 8289) on the loop's lag. A queue that drains within an interval is a burst, and every request of it is judged;
 * one that stays above the target for a whole interval is standing, and then each request that waited longer
 * than the target is refused at once (503 {@code overloaded}), so the ones judged wait at most about the target.
 *
 * <ul>
 *   <li>The lag samples come from the loop's probe ({@link dev.hcgateway.metrics.EventLoopLag}), taken when its
 *       timer fires: a request's own cost (a cold request's class loading, its verify) is never one of them, and
 *       a sample counts only if the loop read a request since the previous one.</li>
 *   <li>A request's wait is estimated as the time since the first request of its socket-read batch plus the last
 *       lag sample (about the previous batch's length, during which its bytes arrived).</li>
 *   <li>Dropping ends once the lag stayed under a quarter of the target for an interval: the loop has room again
 *       (while dropping, the lag hovers around half the target, so leaving at the target would oscillate).</li>
 *   <li>A queue stands only where the loop never runs dry: over each interval the loop's busy time (from the first
 *       request of a batch of socket reads to that batch's end) must be at least {@value #BUSY} of the wall
 *       time. A loop that idles between its batches and is late all the same was stopped by its host (CPU
 *       throttling of a capped pod, a GC pause, other processes): shedding would not shorten that wait, only
 *       refuse work there is room for, so such a loop neither starts nor keeps dropping.</li>
 * </ul>
 * Why this and not an adaptive concurrency limit: docs/operations.md, "Overload". Lives on one loop: every method
 * is called there.
 */
final class QueueDelay {

    /** Share of an interval the loop must spend in batches for its queue to count as standing. */
    static final double BUSY = 0.8;

    private final long target;
    /** Lag under which the loop counts as having room again: a quarter of the target. */
    private final long exit;
    private final long interval;
    private final Context loop;
    private final LongSupplier nanoClock;
    private final Handler<Void> endOfBatch = v -> endBatch();
    private long batchStart = -1;
    /** Busy time of the loop in the current window, and the window's start. */
    private long busy;
    private long windowStart;
    /** Whether the loop was busy for at least {@link #BUSY} of the last whole window. */
    private boolean saturated = true;
    private boolean served;
    private long lastLag;
    private boolean dropping;
    private boolean changing;
    private long changeAt;

    /**
     * Creates the decision of one loop.
     *
     * @param loop the loop's context, on which the end of each socket-read batch is marked
     */
    QueueDelay(long targetNanos, long intervalNanos, Context loop) {
        this(targetNanos, intervalNanos, loop, System::nanoTime);
    }

    /** Creates the decision of one loop, reading the end of each batch from {@code nanoClock}. */
    QueueDelay(long targetNanos, long intervalNanos, Context loop, LongSupplier nanoClock) {
        this.target = targetNanos;
        this.exit = targetNanos / 4;
        this.interval = intervalNanos;
        this.loop = loop;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes a lag sample of the loop's probe. A sample counts only when the loop read a request since the last one:
     * a loop that is late while it has no request to read is late because the host did not run it (other
     * processes, a cold start), which is no queue of ours.
     */
    void lag(long lateNanos, long now) {
        long late = served ? lateNanos : 0;
        served = false;
        lastLag = late;
        if (now - windowStart >= interval) {
            long open = batchStart < 0 ? 0 : now - batchStart; // a batch still running counts as busy so far
            saturated = busy + open >= BUSY * (now - windowStart);
            busy = -open;
            windowStart = now;
        }
        boolean crossed = saturated && (dropping ? late >= exit : late >= target);
        if (crossed == dropping) {
            changing = false; // back on the side of the current state: the interval starts again
        } else if (!changing) {
            changing = true;
            changeAt = now + interval;
        } else if (now - changeAt >= 0) {
            dropping = !dropping;
            changing = false;
        }
    }

    private void endBatch() {
        busy += nanoClock.getAsLong() - batchStart;
        batchStart = -1;
    }

    /** Tells whether the request whose head is being read now ({@code now}) is to be shed. */
    boolean shed(long now) {
        served = true;
        if (batchStart < 0) {
            batchStart = now;
            loop.runOnContext(endOfBatch); // runs once this batch of socket reads is done
        }
        long waited = now - batchStart + lastLag;
        if (waited <= target) {
            return false;
        }
        if (!dropping && changing && now - changeAt >= 0) {
            // The lag has been above the target for an interval and this batch is still behind: the probe cannot
            // fire before the batch ends, so the state changes here.
            dropping = true;
            changing = false;
        }
        return dropping;
    }

    /** Tells whether the loop's queue is standing now (for tests and the readiness report). */
    boolean dropping() {
        return dropping;
    }
}
