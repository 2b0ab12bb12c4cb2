package dev.hcgateway.pipeline;

import dev.hcgateway.model.Validation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Where the in-memory steps (decode, trust, ES256 verify, time, revocation) run: inline on the request's event
 * loop, or handed to Vert.x's worker pool. Inline is the default because it measured cheaper (README,
 * "Where crypto runs"); the worker placement exists to repeat that measurement and for slow fallback crypto.
 */
@FunctionalInterface
public interface CryptoPlacement {

    /** Runs the work and returns its result as a future completing on the caller's context. */
    Future<Validation> run(Supplier<Validation> work);

    /** The placement that runs the work on the calling thread; the pipeline calls it directly, with no future. */
    CryptoPlacement INLINE = work -> Future.succeededFuture(work.get());

    /** Returns the placement that runs the work on the worker pool, unordered (Vert.x orders by default). */
    static CryptoPlacement workers(Vertx vertx) {
        return work -> vertx.executeBlocking(work::get, false);
    }
}
