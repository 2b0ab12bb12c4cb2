package dev.hcgateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The decode pool's bound on running plus queued jobs. */
@ExtendWith(VertxExtension.class)
class DecodePoolTest {

    @Test
    void trySubmit_threadsAndQueueFull_refusesUntilAJobEnds(Vertx vertx, VertxTestContext ctx) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecodePool pool = new DecodePool(vertx, "test-decode", 1, 1, 10_000, registry);
        CountDownLatch release = new CountDownLatch(1);
        vertx.runOnContext(v -> ctx.verify(() -> {
            Optional<Future<String>> running = pool.trySubmit(() -> {
                release.await(10, TimeUnit.SECONDS); // holds the only thread (a worker, never an event loop)
                return "first";
            });
            Optional<Future<String>> queued = pool.trySubmit(() -> "second");
            assertThat(running).isPresent();
            assertThat(queued).isPresent();
            assertThat(pool.hasRoom()).isFalse();
            assertThat(pool.trySubmit(() -> "third")).isEmpty();
            assertThat(registry.get("hc_image_decode_rejected").counter().count()).isEqualTo(1);
            assertThat(pool.pending()).isEqualTo(2);
            release.countDown();
            Future.all(running.get(), queued.get()).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                assertThat(all.<String>resultAt(0)).isEqualTo("first");
                assertThat(all.<String>resultAt(1)).isEqualTo("second");
                assertThat(pool.pending()).isZero();
                assertThat(pool.hasRoom()).isTrue();
                pool.close().onComplete(ctx.succeedingThenComplete());
            })));
        }));
    }

    @Test
    void trySubmit_jobThrows_slotFreedAndFailurePassedOn(Vertx vertx, VertxTestContext ctx) {
        DecodePool pool = new DecodePool(vertx, "test-decode-fail", 1, 0, 10_000, new SimpleMeterRegistry());
        vertx.runOnContext(v -> pool.trySubmit(() -> {
            throw new IllegalStateException("boom");
        }).orElseThrow().onComplete(ctx.failing(e -> ctx.verify(() -> {
            assertThat(e).hasMessage("boom");
            assertThat(pool.pending()).isZero();
            ctx.completeNow();
        }))));
    }
}
