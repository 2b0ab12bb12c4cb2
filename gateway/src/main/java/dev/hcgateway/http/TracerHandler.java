package dev.hcgateway.http;

import dev.hcgateway.passage.InvalidQuery;
import dev.hcgateway.passage.Passages;
import dev.hcgateway.passage.TracerRequest;
import dev.hcgateway.http.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the tracer API ({@code /tracer/v1/passages}, {@code /tracer/v1/companions}) behind its own bearer
 * token, compared in constant time. Every query, answered or failed, is written to the {@code hc.audit} log:
 * token id (a short hash of the token, never the token), route, parameters, row count; never the rows.
 */
public final class TracerHandler {

    private static final Logger AUDIT = LoggerFactory.getLogger("hc.audit");
    private static final ApiError UNAUTHORIZED = new ApiError(401, "unauthorized",
            "A valid tracer bearer token is required.", 0);
    private static final ApiError NOT_CONFIGURED = ApiError.unavailable("passages_store_not_configured",
            "No passages store is configured on this gateway (HC_PASSAGES_URL).", 0);
    private static final ApiError UNAVAILABLE = ApiError.unavailable("passages_store_unavailable",
            "The passages store did not answer; retry shortly.", 5);

    private final byte[] expected;
    private final String tokenId;
    private final Passages passages;

    /** Creates the handler for this token over the passages service (null: none, every query is 503). */
    public TracerHandler(String token, Passages passages) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.tokenId = tokenId(token);
        this.passages = passages;
    }

    /** Mounts both routes on the router, each behind the token check. */
    public void mount(Router router) {
        router.get(Routes.TRACER_PASSAGES).handler(this::authorize).handler(this::passages);
        router.get(Routes.TRACER_COMPANIONS).handler(this::authorize).handler(this::companions);
    }

    /** Passes a request with the tracer token on, else answers 401. */
    void authorize(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected)) {
            throw UNAUTHORIZED.exception();
        }
        ctx.next();
    }

    private void passages(RoutingContext ctx) {
        TracerRequest q = parse(ctx, false);
        answer(ctx, passages.queries().passages(q).map(rows -> {
            JsonObject last = rows.size() > q.limit() ? rows.get(q.limit() - 1) : null;
            List<JsonObject> page = rows.size() > q.limit() ? rows.subList(0, q.limit()) : rows;
            String next = last == null ? null : TracerRequest.cursor(
                    java.time.Instant.parse(last.getString("at")).toEpochMilli(), last.getString("id"));
            return new Answer(new JsonObject().put("passages", new JsonArray(page)).put("next", next), page.size());
        }));
    }

    private void companions(RoutingContext ctx) {
        TracerRequest q = parse(ctx, true);
        String within = TracerRequest.text(ctx.request().params(), "withinMinutes");
        long minutes;
        try {
            minutes = within == null ? 30 : Long.parseLong(within);
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        if (minutes < 0 || minutes > 1440) {
            throw ApiError.badRequest("invalid_parameter", "\"withinMinutes\" must be 0..1440.").exception();
        }
        long floor = passages.floor();
        answer(ctx, passages.queries().companions(q, minutes * 60_000, floor).map(list ->
                new Answer(new JsonObject().put("companions", new JsonArray(list)), list.size())));
    }

    private TracerRequest parse(RoutingContext ctx, boolean personOnly) {
        if (passages == null || passages.queries() == null) {
            audit(ctx, "not_configured");
            throw NOT_CONFIGURED.exception();
        }
        try {
            return TracerRequest.parse(ctx.request().params(), personOnly, passages.retentionDays(), passages.now());
        } catch (InvalidQuery e) {
            audit(ctx, e.error());
            throw ApiError.badRequest(e.error(), e.getMessage()).exception();
        }
    }

    private record Answer(JsonObject body, int rows) {
    }

    private void answer(RoutingContext ctx, Future<Answer> query) {
        long start = System.nanoTime();
        query.onComplete(ar -> {
            passages.queried(System.nanoTime() - start);
            if (ar.failed()) {
                audit(ctx, "store_unavailable");
                LoggerFactory.getLogger(TracerHandler.class).warn("tracer query failed: {}", ar.cause().toString());
                ctx.fail(UNAVAILABLE.exception());
                return;
            }
            audit(ctx, ar.result().rows() + " rows");
            if (!ctx.response().ended()) {
                ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                        .end(ar.result().body().toBuffer());
            }
        });
    }

    /** Writes one audit line: token id, route, query parameters (never a body), outcome. */
    void audit(RoutingContext ctx, String outcome) {
        AUDIT.info("tracer query token={} route={} params={} outcome={}", tokenId, ctx.request().path(),
                ctx.request().query(), outcome);
    }

    /** Returns a short, non-reversible id of a token for the audit log: 12 hex digits of its SHA-256. */
    static String tokenId(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
