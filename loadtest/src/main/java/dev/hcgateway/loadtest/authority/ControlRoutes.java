package dev.hcgateway.loadtest.authority;

import dev.hcgateway.model.Colour;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's control API (its own port, not part of the store's contract):
 * <pre>
 * GET  /control/stats                                           what was asked and answered
 * POST /control/colours    {"subjects": [...], "colour": "red"} change colours now
 * POST /control/colours/reset                                   back to the colours the names say
 * POST /control/faults     {"fault": "refuse", "seconds": 60}   fail now for a while ("none" ends it)
 * POST /control/schedule   {"schedule": "120-240:refuse"}       new fault schedule, starting now
 * POST /control/documents  {"documents": [{"type", "number" | "hash", "subject"}]}
 * </pre>
 */
final class ControlRoutes {

    private final AuthoritySimulator simulator;

    ControlRoutes(AuthoritySimulator simulator) {
        this.simulator = simulator;
    }

    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(16 * 1024 * 1024));
        // The fault in the words /control/faults takes: "none", "refuse", "unavailable"...
        router.get("/control/stats").handler(ctx -> ok(ctx, simulator.stats().toJson().put("fault",
                simulator.currentFault() == null ? "none" : simulator.currentFault().name().toLowerCase(Locale.ROOT))));
        router.post("/control/colours").handler(this::colours);
        router.post("/control/colours/reset").handler(ctx -> {
            simulator.colours().reset();
            ok(ctx, new JsonObject().put("reset", true));
        });
        router.post("/control/faults").handler(this::faults);
        router.post("/control/schedule").handler(ctx -> {
            simulator.restartSchedule(FaultSchedule.parse(body(ctx).getString("schedule", "")));
            ok(ctx, new JsonObject().put("scheduled", true));
        });
        router.post("/control/documents").handler(this::documents);
        router.route().failureHandler(ctx -> ctx.response().setStatusCode(400)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", "bad_request").put("message", String.valueOf(
                        ctx.failure() == null ? ctx.statusCode() : ctx.failure().getMessage())).toBuffer()));
        return router;
    }

    private void colours(RoutingContext ctx) {
        JsonObject body = body(ctx);
        Colour colour = Colour.ofWire(body.getString("colour", ""));
        if (colour == null) {
            throw new IllegalArgumentException("colour must be green, yellow, orange, red or unknown");
        }
        List<String> subjects = new ArrayList<>();
        body.getJsonArray("subjects", new JsonArray()).forEach(s -> subjects.add((String) s));
        ok(ctx, new JsonObject().put("changed", simulator.colours().set(subjects, colour)));
    }

    private void faults(RoutingContext ctx) {
        JsonObject body = body(ctx);
        String fault = body.getString("fault", "none");
        if (fault.equals("none")) {
            simulator.clearFault();
        } else {
            simulator.failFor(Fault.of(fault), Duration.ofMillis((long) (body.getDouble("seconds", 60.0) * 1000)));
        }
        ok(ctx, new JsonObject().put("fault", fault));
    }

    private void documents(RoutingContext ctx) {
        JsonArray docs = body(ctx).getJsonArray("documents", new JsonArray());
        for (int i = 0; i < docs.size(); i++) {
            JsonObject d = docs.getJsonObject(i);
            if (d.containsKey("hash")) {
                simulator.colours().registerHash(d.getString("hash"), d.getString("subject"));
            } else {
                simulator.colours().register(d.getString("type"), d.getString("number"), d.getString("subject"));
            }
        }
        ok(ctx, new JsonObject().put("registered", docs.size()));
    }

    private static JsonObject body(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        if (body == null) {
            throw new IllegalArgumentException("a JSON object body is expected");
        }
        return body;
    }

    private static void ok(RoutingContext ctx, JsonObject answer) {
        ctx.response().putHeader("Content-Type", "application/json").end(answer.toBuffer());
    }
}
