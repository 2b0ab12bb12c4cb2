package dev.hcgateway.tracer;

import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every tracer answer: the JSON of a result, or the error body of a {@link Refusal} with its status and
 * headers ({@code WWW-Authenticate} on 401, {@code Retry-After} on 503), never cached. The one place in the
 * tracer where a fault becomes a status; anything not a refusal is a 500 whose log names only its class.
 */
final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private final TracerMetrics metrics;

    Replies(TracerMetrics metrics) {
        this.metrics = metrics;
    }

    /** Answers with the result's body, or the refusal it failed with. */
    void send(RoutingContext ctx, AsyncResult<JsonObject> result) {
        if (result.succeeded()) {
            json(ctx.response(), 200, result.result());
            return;
        }
        Refusal refusal;
        if (result.cause() instanceof Refusal.Refused r) {
            refusal = r.refusal();
        } else {
            // A message can quote a parameter (a subject): the class locates the fault.
            LOG.error("tracer request failed unexpectedly on {}: {}", ctx.request().path(),
                    result.cause().getClass().getName());
            refusal = Refusal.INTERNAL;
        }
        refuse(ctx, refusal);
    }

    /** Answers with a refusal. */
    void refuse(RoutingContext ctx, Refusal refusal) {
        metrics.refused(refusal.error());
        HttpServerResponse response = ctx.response();
        if (refusal.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (refusal.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Integer.toString(refusal.retryAfterSeconds()));
        }
        json(response, refusal.status(), new JsonObject().put("error", refusal.error())
                .put("message", refusal.message()));
    }

    private static void json(HttpServerResponse response, int status, JsonObject body) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.toBuffer());
    }
}
