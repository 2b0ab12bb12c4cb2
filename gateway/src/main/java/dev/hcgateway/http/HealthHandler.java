package dev.hcgateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves liveness (depends on nothing external: answering proves the event loop runs), readiness (see
 * {@link Readiness}), and the Prometheus scrape. None of them is admitted through the verify limit, so a
 * gateway shedding verify load still answers its probes.
 */
final class HealthHandler {

    private final ApiServices services;

    HealthHandler(ApiServices services) {
        this.services = services;
    }

    void live(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("live", true).toBuffer());
    }

    void ready(RoutingContext ctx) {
        JsonObject report = services.readiness().report();
        report.put("passages", services.passages().state()); // never decides
        ctx.response().setStatusCode(report.getBoolean("ready") ? 200 : 503)
                .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(report.toBuffer());
    }

    void metrics(RoutingContext ctx) {
        // Scraping walks every meter: cheap, but not event-loop work when the registry is large.
        ctx.vertx().executeBlocking(() -> services.scrape().get(), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(ar.result());
            }
        });
    }
}
