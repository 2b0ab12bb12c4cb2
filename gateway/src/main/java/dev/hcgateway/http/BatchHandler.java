package dev.hcgateway.http;

import dev.hcgateway.answer.OutcomeJson;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Unjudged;
import dev.hcgateway.model.Scene;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /v1/verify/batch}: every code judged on its own by the pipeline, all started in the same
 * event-loop tick (so the colour stage can coalesce their store lookups), answered in request order.
 *
 * <p>Admission: a batch takes one permit per code (capped at the limit, so a batch always fits an idle
 * gateway), all or nothing: the in-flight bound counts codes being judged, whichever endpoint brought them.
 */
final class BatchHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchHandler.class);
    /** The slot of a code whose judging failed inside the gateway: the gate stays shut and staff check. */
    private static final Outcome UNJUDGED = new Unjudged();

    private final ApiServices services;

    BatchHandler(ApiServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        BatchRequest request = BatchRequest.parse(ctx.body().buffer(), services.config());
        int permits = Math.min(request.codes().size(), services.config().http().maxInFlight());
        services.admission().admit(permits);
        List<Future<JsonObject>> answers = new ArrayList<>(request.codes().size());
        for (String code : request.codes()) {
            answers.add(judge(code, request.scene(), request.gate(), start));
        }
        Future.all(answers).onComplete(ar -> {
            services.admission().release(permits);
            if (ctx.response().ended()) {
                return; // the timeout answered already
            }
            JsonArray results = new JsonArray(new ArrayList<>(answers.size()));
            for (Future<JsonObject> answer : answers) {
                results.add(answer.result());
            }
            Answers.json(ctx.response(), new JsonObject().put("results", results));
        });
    }

    /** Judges one code; never fails, so that one code cannot fail the batch. */
    private Future<JsonObject> judge(String code, Scene scene, String gate, long start) {
        Future<Outcome> judged;
        try {
            judged = services.pipeline().verify(code, scene);
        } catch (RuntimeException e) {
            judged = Future.failedFuture(e);
        }
        return judged.map(outcome -> {
            services.metrics().judged(Routes.VERIFY_BATCH, scene.name(), outcome, System.nanoTime() - start);
            services.recorder().record(gate, scene.name(), outcome); // each element: before the batch answer
            return OutcomeJson.of(outcome);
        }).otherwise(e -> {
            // Never log the code itself: only that one slot could not be judged.
            LOG.error("a batch code could not be judged; answering manual for it", e);
            services.metrics().refused(Routes.VERIFY_BATCH, "internal");
            return OutcomeJson.of(UNJUDGED);
        });
    }
}
