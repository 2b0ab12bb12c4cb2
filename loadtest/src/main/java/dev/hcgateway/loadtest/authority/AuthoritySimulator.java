package dev.hcgateway.loadtest.authority;

import dev.hcgateway.model.Colour;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A Vert.x server playing the authoritative colour store ({@code docs/authority-api.md}): batched lookups by
 * subject and by identity-document hash, with drawn latency, random errors, a fault schedule and colour changes
 * on command. A separate control server ({@link ControlRoutes}) takes those commands over HTTP. It answers a
 * batch's {@code issuer} field by ignoring it, as a store serving one issuer may: one simulator plays any issuer's
 * store, and a test of several stores runs several simulators.
 */
public final class AuthoritySimulator extends VerticleBase {

    static final int MAX_BATCH = 200;
    private static final long TICK_MS = 50;
    private static final long HOLD_MS = 30_000;

    private final SimulatorConfig config;
    private final Clock clock;
    private final ColourBook book;
    private final SimulatorStats stats = new SimulatorStats();
    private final SplittableRandom random = new SplittableRandom();
    private volatile FaultSchedule schedule;
    private volatile long scheduleStart;
    private volatile Fault manualFault;
    private volatile long manualUntil;
    private HttpServer store;
    private HttpServer control;
    private int storePort;
    private boolean listening;
    private boolean switching;
    private long timer = -1;

    /** Creates a simulator; its fault schedule starts when it is deployed. */
    public AuthoritySimulator(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.book = new ColourBook(config.documentKey());
        this.schedule = config.schedule();
    }

    @Override
    public Future<?> start() {
        scheduleStart = clock.millis();
        Future<?> controlUp = Future.succeededFuture();
        if (config.controlPort() >= 0) {
            control = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.controlPort()))
                    .requestHandler(new ControlRoutes(this).router(vertx));
            controlUp = control.listen();
        }
        return controlUp.compose(v -> listenStore(config.port())).onSuccess(v ->
                timer = vertx.setPeriodic(TICK_MS, id -> reconcileListener()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.join(store == null ? Future.succeededFuture() : store.close(),
                control == null ? Future.succeededFuture() : control.close());
    }

    private Future<Void> listenStore(int port) {
        Router router = Router.router(vertx);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(256 * 1024);
        router.post("/v1/colours/lookup").handler(body).handler(ctx -> serve(ctx, false));
        router.post("/v1/colours/lookup-by-document").handler(body).handler(ctx -> serve(ctx, true));
        store = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(port)
                .setTcpNoDelay(true).setIdleTimeout(60)).requestHandler(router);
        return store.listen().map(s -> {
            storePort = s.actualPort();
            listening = true;
            return null;
        });
    }

    /** Closes the listening socket while a refuse fault is in force, and opens it again after. */
    private void reconcileListener() {
        boolean refuse = currentFault() == Fault.REFUSE;
        if (switching || refuse != listening) {
            return;
        }
        switching = true;
        Future<Void> change = refuse ? store.close().onSuccess(v -> listening = false) : listenStore(storePort);
        change.onComplete(ar -> switching = false);
    }

    private void serve(RoutingContext ctx, boolean byDocument) {
        if (config.token() != null && !authorized(ctx.request().getHeader("Authorization"))) {
            answer(ctx, 401, new JsonObject().put("error", "unauthorized"));
            return;
        }
        JsonArray items = items(ctx, byDocument ? "documents" : "subjects");
        if (items == null) {
            answer(ctx, 400, new JsonObject().put("error", "bad_request")
                    .put("message", "1.." + MAX_BATCH + " items expected"));
            return;
        }
        if (byDocument) {
            stats.documentLookup(items.size());
        } else {
            stats.lookup(items.size());
        }
        Fault fault = currentFault();
        if (fault == Fault.TIMEOUT) {
            vertx.setTimer(HOLD_MS, id -> answer(ctx, 503, new JsonObject().put("error", "held")));
            return;
        }
        if (fault == Fault.UNAVAILABLE || (config.shedRate() > 0 && random.nextDouble() < config.shedRate())) {
            ctx.response().putHeader("Retry-After", Integer.toString(config.retryAfterSeconds()));
            answer(ctx, 503, new JsonObject().put("error", "overloaded"));
            return;
        }
        if (fault == Fault.ERROR || (config.errorRate() > 0 && random.nextDouble() < config.errorRate())) {
            answer(ctx, 500, new JsonObject().put("error", "internal"));
            return;
        }
        long delay = config.latency().sampleMillis(random);
        if (fault == Fault.SLOW) {
            delay = Math.max(1000, delay * 10);
        }
        if (delay <= 0) {
            answer(ctx, 200, colours(items, byDocument));
        } else {
            vertx.setTimer(delay, id -> answer(ctx, 200, colours(items, byDocument)));
        }
    }

    private JsonObject colours(JsonArray items, boolean byDocument) {
        long now = clock.instant().getEpochSecond();
        JsonArray out = new JsonArray();
        for (int i = 0; i < items.size(); i++) {
            JsonObject entry = new JsonObject();
            String subject;
            if (byDocument) {
                String hash = items.getJsonObject(i).getString("hash");
                entry.put("hash", hash);
                subject = book.subjectOfDocument(hash);
            } else {
                subject = items.getString(i);
            }
            Colour colour = subject == null ? Colour.UNKNOWN : book.colourOf(subject);
            if (subject != null && (colour != Colour.UNKNOWN || !byDocument)) {
                entry.put("subject", subject);
            }
            entry.put("colour", colour.wire());
            if (colour != Colour.UNKNOWN) {
                entry.put("asOf", now);
                if (config.ttlSeconds() > 0) {
                    entry.put("ttlSeconds", config.ttlSeconds());
                }
            }
            out.add(entry);
        }
        return new JsonObject().put("colours", out);
    }

    private static JsonArray items(RoutingContext ctx, String field) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            JsonArray items = body == null ? null : body.getJsonArray(field);
            if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
                return null;
            }
            for (Object item : items) {
                boolean ok = field.equals("subjects") ? item instanceof String
                        : item instanceof JsonObject o && o.getValue("hash") instanceof String;
                if (!ok) {
                    return null;
                }
            }
            return items;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void answer(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        stats.record(status);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toBuffer());
    }

    private boolean authorized(String header) {
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the fault in force now (a commanded one first, then the schedule's), or null. */
    public Fault currentFault() {
        long now = clock.millis();
        Fault manual = manualFault;
        if (manual != null && now < manualUntil) {
            return manual;
        }
        return schedule.at((now - scheduleStart) / 1000.0);
    }

    /** Makes the store fail this way for a while, from now, whatever the schedule says. */
    public void failFor(Fault fault, Duration duration) {
        manualUntil = clock.millis() + duration.toMillis();
        manualFault = fault;
    }

    /** Ends a commanded fault. */
    public void clearFault() {
        manualFault = null;
    }

    /** Replaces the fault schedule, its clock starting now. */
    public void restartSchedule(FaultSchedule faults) {
        scheduleStart = clock.millis();
        schedule = faults;
    }

    /** Returns the colours, to change on command. */
    public ColourBook colours() {
        return book;
    }

    /** Returns what the store was asked and how it answered. */
    public SimulatorStats stats() {
        return stats;
    }

    /** Returns the base URL of the store, for the gateway's {@code authority.url}. */
    public String url() {
        return "http://" + config.host() + ":" + storePort;
    }

    /** Returns the base URL of the control server, or null without one. */
    public String controlUrl() {
        return control == null ? null : "http://" + config.host() + ":" + control.actualPort();
    }
}
