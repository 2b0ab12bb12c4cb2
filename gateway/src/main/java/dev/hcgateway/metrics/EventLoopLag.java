package dev.hcgateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Measures how late an event loop runs a timer: the time a request waits behind other work on that loop, which
 * the in-flight count cannot see (a CPU-bound verify holds no slot while it waits for the loop). One probe per
 * server verticle, on its own loop; all loops feed one histogram, {@code hc_event_loop_lag_seconds}.
 */
public final class EventLoopLag {

    /** How often each loop is probed: cheap (a timer), and fine enough to see a 10 ms stall. */
    public static final long INTERVAL_MS = 100;
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS);

    private final Timer lag;

    /** Creates the histogram on a registry (shared by every probe). */
    public EventLoopLag(MeterRegistry registry) {
        this.lag = Timer.builder("hc_event_loop_lag")
                .description("How late event loops run a timer: time work waits for a loop")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500))
                .register(registry);
    }

    /** Starts probing the loop of the calling verticle's context; the returned probe stops it. */
    public Probe start(Vertx vertx) {
        Probe probe = new Probe(vertx);
        probe.arm();
        return probe;
    }

    /** One loop's probe: a one-shot timer re-armed on each firing, so a late firing never bunches up. */
    public final class Probe {
        private final Vertx vertx;
        private long timer = -1;
        private long due;
        private boolean stopped;

        private Probe(Vertx vertx) {
            this.vertx = vertx;
        }

        private void arm() {
            due = System.nanoTime() + INTERVAL_NANOS;
            timer = vertx.setTimer(INTERVAL_MS, id -> {
                lag.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
                if (!stopped) {
                    arm();
                }
            });
        }

        /**
         * Returns how late the loop is now: how long ago the pending probe was due, 0 when it is not due yet. A
         * request handled on a busy loop sees the lateness before the late timer itself runs (Netty reads
         * sockets before it runs timers), so shedding can act in the same round. Call from the probe's loop.
         */
        public long lateNanos() {
            return Math.max(0, System.nanoTime() - due);
        }

        /** Stops probing; call from the same context. */
        public void stop() {
            stopped = true;
            vertx.cancelTimer(timer);
        }
    }
}
