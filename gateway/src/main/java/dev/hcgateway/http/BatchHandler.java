package dev.hcgateway.http;

import dev.hcgateway.model.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves {@code POST /v1/verify/batch}: every code judged on its own by the pipeline, all started in the same
 * event-loop tick (so the colour stage can coalesce their store lookups), answered in request order.
 *
 * <p>Admission: a batch takes one permit per code (capped at the limit, so a batch always fits an idle
 * gateway), all or nothing: the in-flight bound counts codes being judged, whichever endpoint brought them.
 * Gate identity and rate limits are the edge's, as on every judged route ({@link Edge#enter}).
 */
final class BatchHandler implements Handler<RoutingContext> {

    private final ApiServices services;
    private final Edge edge;

    BatchHandler(ApiServices services) {
        this.services = services;
        this.edge = new Edge(services);
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        BatchRequest request = BatchRequest.parse(ctx.body().buffer(), services.config());
        // One rate token per code: a batch of N costs its gate what N scans would (RateBucket: a batch over the
        // burst is served from a full bucket and leaves it in debt).
        Edge.Judging judging = edge.enter(Routes.VERIFY_BATCH, start, ctx.request(), request.scene(), request.gate(),
                request.codes().size());
        Edge.Admitted admitted = edge.admit(request.codes().size());
        List<Future<Outcome>> slots = new ArrayList<>(request.codes().size());
        for (String code : request.codes()) {
            slots.add(edge.judgeSlot(judging, code)); // never fails: one code cannot fail the batch
        }
        Future.all(slots).onComplete(ar -> {
            admitted.release();
            edge.answer(ctx.response(), judging, slots.stream().map(Future::result).toList());
        });
    }
}
