package dev.hcgateway.http;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.colour.ColourService;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.Scene;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** A colour stage answering after a fixed delay on a Vert.x timer: a slow store, for the overload bench. */
final class DelayedColours implements ColourService {

    private final long delayMs;

    DelayedColours(long delayMs) {
        this.delayMs = delayMs;
    }

    @Override
    public Future<ColourAnswer> colourOf(HealthCode code, Scene scene) {
        Promise<ColourAnswer> promise = Promise.promise();
        Vertx.currentContext().owner().setTimer(delayMs,
                id -> promise.complete(ColourAnswer.of(code.colour(), ColourSource.AUTHORITY)));
        return promise.future();
    }
}
