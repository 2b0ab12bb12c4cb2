package dev.hcgateway.http;

import dev.hcgateway.pipeline.Outcome;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Serves {@code POST /v1/verify}: parse, admit, judge, answer 200 with the verdict. */
final class VerifyHandler implements Handler<RoutingContext> {

    private final ApiServices services;

    VerifyHandler(ApiServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        VerifyRequest request = VerifyRequest.parse(ctx.body().buffer(), services.config());
        services.admission().admit(1);
        services.pipeline().verify(request.code(), request.scene()).onComplete(ar -> {
            services.admission().release(1);
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            if (ctx.response().ended()) {
                return; // answered meanwhile (503 timeout): the late verdict is dropped, not written twice
            }
            Outcome outcome = ar.result();
            services.metrics().verified(Routes.VERIFY, request.scene().name(), outcome, System.nanoTime() - start);
            Answers.json(ctx.response(), OutcomeJson.of(outcome));
        });
    }
}
