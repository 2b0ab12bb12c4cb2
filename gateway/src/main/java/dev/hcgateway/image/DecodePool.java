package dev.hcgateway.image;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dedicated, bounded Vert.x worker pool for image decoding. Vert.x queues blocking jobs without bound, so
 * this counts jobs running or waiting and refuses one more past {@code threads + maxQueued}: a kiosk gets a
 * quick 503 rather than a photo decoded long after its user walked away.
 */
public final class DecodePool {

    private final WorkerExecutor executor;
    private final int capacity;
    private final AtomicInteger pending = new AtomicInteger();
    private final Counter rejected;

    /**
     * Creates the pool.
     *
     * @param maxExecuteMs how long one job may run before Vert.x's blocked-thread checker warns
     */
    public DecodePool(Vertx vertx, String name, int threads, int maxQueued, long maxExecuteMs, MeterRegistry registry) {
        this.executor = vertx.createSharedWorkerExecutor(name, threads, maxExecuteMs, TimeUnit.MILLISECONDS);
        this.capacity = threads + maxQueued;
        this.rejected = Counter.builder("hc_image_decode_rejected")
                .description("Image decodes refused because the decode pool and its queue were full")
                .register(registry);
        Gauge.builder("hc_image_decode_pending", pending, AtomicInteger::get)
                .description("Image decodes running or waiting for a decode thread").register(registry);
        Gauge.builder("hc_image_decode_capacity", () -> capacity)
                .description("Image decodes admitted at once (threads plus queue)").register(registry);
    }

    /** Tells whether a job submitted now would be taken; a cheap check before reading a large body. */
    public boolean hasRoom() {
        return pending.get() < capacity;
    }

    /**
     * Runs {@code job} on the pool (unordered), or returns empty (and counts the refusal) when the pool and its
     * queue are full. The future completes on the caller's context.
     */
    public <T> Optional<Future<T>> trySubmit(Callable<T> job) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            rejected.increment();
            return Optional.empty();
        }
        try {
            return Optional.of(executor.executeBlocking(() -> {
                try {
                    return job.call();
                } finally {
                    pending.decrementAndGet(); // on the worker: the slot is free as soon as the thread is
                }
            }, false));
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
    }

    /** Returns the jobs running or waiting. */
    public int pending() {
        return pending.get();
    }

    /** Closes the worker threads. */
    public Future<Void> close() {
        return executor.close();
    }
}
