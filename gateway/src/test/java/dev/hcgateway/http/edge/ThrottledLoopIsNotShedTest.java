package dev.hcgateway.http.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A loop that is late at every probe only because its host stops it between short batches (a capped pod's CPU
 * throttling, another process) sheds nothing: shedding would not shorten that wait. The same lateness with batches
 * back to back (a standing queue) is shed. Both loops are driven on a real context with a clock of the test's own.
 */
class ThrottledLoopIsNotShedTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long VERIFY = TimeUnit.MICROSECONDS.toNanos(70);
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void lateButIdleLoopShedsNothing() {
        // Each 10 ms: 20 requests (1.4 ms of work), then 8.6 ms stopped by the host; every probe 30 ms late.
        assertThat(shedOver(200, 20, 10 * MS - 20 * VERIFY)).isZero();
    }

    @Test
    void lateAndBusyLoopSheds() {
        // Each 10 ms: 140 requests back to back, every probe 30 ms late: a queue that stands.
        assertThat(shedOver(200, 140, 0)).isPositive();
    }

    /** Runs {@code periods} batches of {@code perBatch} requests with {@code gap} after each; counts the shed. */
    private int shedOver(int periods, int perBatch, long gap) {
        long[] now = {1_000 * MS};
        Context loop = vertx.getOrCreateContext();
        QueueDelay queue = new QueueDelay(20 * MS, 100 * MS, loop, () -> now[0]);
        int[] shed = {0};
        for (int p = 0; p < periods; p++) {
            onLoop(loop, () -> {
                for (int r = 0; r < perBatch; r++) {
                    if (queue.shed(now[0])) {
                        shed[0]++;
                    }
                    now[0] += VERIFY;
                }
            });
            onLoop(loop, () -> { }); // the batch's end mark has run: it was queued behind the batch
            now[0] += gap;
            onLoop(loop, () -> queue.lag(30 * MS, now[0]));
        }
        return shed[0];
    }

    private static void onLoop(Context loop, Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.runOnContext(v -> {
            task.run();
            done.complete(null);
        });
        done.join();
    }
}
