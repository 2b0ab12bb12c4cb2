package dev.hcgateway.revocation;

import dev.hcgateway.pace.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a revocation store without letting a slow or absent Redis stop the gateway: the first attempt is
 * awaited; if it fails, the gateway starts anyway (alive; ready only if a mirror was read from disk) and the
 * attempt is repeated in the background with an exponential backoff until it succeeds or {@link #stop} is
 * called. A handshake that times out under CPU contention thus delays readiness instead of ending the process.
 */
public final class RetryingStart {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingStart.class);

    private final Vertx vertx;
    private final RevocationStore store;
    private final Backoff backoff;
    private volatile boolean stopped;
    private int failures;

    /** Creates the start of {@code store}, retried at most every {@code maxDelayMs}. */
    public RetryingStart(Vertx vertx, RevocationStore store, long maxDelayMs) {
        this.vertx = vertx;
        this.store = store;
        this.backoff = new Backoff(maxDelayMs);
    }

    /** Completes after the first attempt, succeeded or not; a failed one is retried in the background. */
    public Future<Void> start() {
        return store.start().recover(err -> {
            retryLater(err);
            return Future.succeededFuture();
        });
    }

    /** Stops retrying (the store itself is closed by its owner). */
    public void stop() {
        stopped = true;
    }

    private void retryLater(Throwable err) {
        if (stopped) {
            return;
        }
        failures++;
        if (failures == 1) {
            LOG.warn("revocation store not loaded from Redis ({}): {}; retrying in the background", err.getMessage(),
                    store.serving() ? "judging from the mirror read from disk (stale)"
                            : "judging nothing until it is (503 not_ready, not ready)");
        } else {
            LOG.debug("revocation store still not loaded ({}), attempt {}", err.getMessage(), failures);
        }
        vertx.setTimer(backoff.next(), id -> {
            if (stopped) {
                return;
            }
            store.start().onSuccess(v -> LOG.info("revocation store loaded after {} failed attempts: ready",
                    failures)).onFailure(this::retryLater);
        });
    }
}
