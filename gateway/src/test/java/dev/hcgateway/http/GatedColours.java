package dev.hcgateway.http;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.colour.ColourService;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.Scene;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * A colour stage that answers only when the test says so: the stand-in for a store that stalls. Every lookup
 * waits until {@link #release()}, then gets the code's own colour from the cache source.
 */
final class GatedColours implements ColourService {

    private final List<Runnable> waiting = new ArrayList<>();
    private boolean open;

    @Override
    public synchronized Future<ColourAnswer> colourOf(HealthCode code, Scene scene) {
        ColourAnswer answer = ColourAnswer.of(code.colour(), ColourSource.CACHE);
        if (open) {
            return Future.succeededFuture(answer);
        }
        Context context = Vertx.currentContext();
        Promise<ColourAnswer> promise = Promise.promise();
        // Complete on the caller's event loop, as a real client's answer would arrive.
        waiting.add(() -> context.runOnContext(v -> promise.complete(answer)));
        return promise.future();
    }

    /** Returns the lookups waiting now. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Answers every waiting lookup, and every later one at once. */
    synchronized void release() {
        open = true;
        waiting.forEach(Runnable::run);
        waiting.clear();
    }
}
