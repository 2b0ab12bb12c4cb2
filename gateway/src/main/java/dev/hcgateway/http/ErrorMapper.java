package dev.hcgateway.http;

import dev.hcgateway.metrics.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to its status and JSON error body, in one place at the edge. Unexpected exceptions
 * become a 500 without details (they are logged), so nothing internal leaks to a client.
 */
public final class ErrorMapper implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private final GatewayMetrics metrics;

    ErrorMapper(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiError error = formBodyOnJsonRoute(ctx) ? FORM_BODY : map(ctx.failure(), ctx.statusCode());
        if (error.status() == 500) {
            LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.currentRoute() == null
                    ? "?" : ctx.currentRoute().getPath(), redacted(ctx.failure()));
        }
        boolean timedOut = ctx.statusCode() == 503 && ctx.failure() == null; // the router's TimeoutHandler
        if (timedOut && !ctx.request().isEnded()) {
            error = map(null, 408); // the body never came: the client's fault, not a 5xx
        }
        metrics.refused(Routes.label(ctx.request().path()), error.error());
        if (error.status() == 401) {
            AuditLog.refused(ctx.request().path());
        } else if (error.status() == 405) {
            // RFC 9110: a 405 names the methods the resource takes. Every path serves one method.
            ctx.response().putHeader("Allow", Routes.methodOf(ctx.request().path()));
        }
        if (!timedOut) {
            send(ctx.response(), error);
            return;
        }
        // A request past its deadline gives its connection up: a client that cannot finish keeps no slot.
        sendAndClose(ctx.request(), error);
    }

    public static final ApiError FORM_BODY = new ApiError(415, "unsupported_media_type",
            "Send the body as JSON with Content-Type: application/json (a form body cannot carry a code).", 0);

    /**
     * Tells whether the body handler refused a form-encoded body: clients such as {@code curl -d} send JSON
     * labelled as a form, and the form decoder chokes on the {@code %} of Base45. Say so plainly, not "400".
     */
    private static boolean formBodyOnJsonRoute(RoutingContext ctx) {
        return ctx.statusCode() == 400 && !(ctx.failure() instanceof ApiError.ApiException)
                && isForm(ctx.request().getHeader("Content-Type"));
    }

    /** Tells whether a content type is a form's, which cannot carry a JSON body. */
    public static boolean isForm(String type) {
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"));
    }

    /** Writes an error answer, unless an answer was already sent; completes when it is written. */
    public static Future<Void> send(HttpServerResponse response, ApiError error) {
        if (response.ended() || response.headWritten()) {
            return Future.succeededFuture();
        }
        if (error.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer"); // RFC 6750: the scheme the admin API wants
        }
        if (error.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        return response.setStatusCode(error.status())
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error.error()).put("message", error.message()).toBuffer());
    }

    /**
     * Writes an error answer announcing {@code Connection: close}, then closes the connection: for a request whose
     * rest (body, following requests) is not wanted or cannot be trusted.
     */
    public static void sendAndClose(HttpServerRequest request, ApiError error) {
        request.response().putHeader("Connection", "close");
        send(request.response(), error).onComplete(v -> request.connection().close());
    }

    /**
     * Returns the failure with its stack and causes but without their messages: a parser's message can quote
     * the input (a code, a subject), and logs never carry personal data. Class and frames locate the fault.
     */
    public static Throwable redacted(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable copy = new Redacted(failure.getClass().getName(), redacted(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** A stand-in for a logged exception: its original class name in place of its message. */
    private static final class Redacted extends RuntimeException {
        Redacted(String className, Throwable cause) {
            super(className + " (message withheld)", cause, false, true);
        }
    }

    /** Returns the answer of a failure: its own when it is an {@link ApiError}, else the one of {@code status}. */
    public static ApiError map(Throwable failure, int status) {
        if (failure instanceof ApiError.ApiException e) {
            return e.error();
        }
        return switch (status) {
            case 400 -> ApiError.badRequest("bad_request", "The request could not be read.");
            case 401 -> new ApiError(401, "unauthorized", "A valid bearer token is required.", 0);
            case 404 -> new ApiError(404, "not_found", "No such endpoint.", 0);
            case 405 -> new ApiError(405, "method_not_allowed", "This endpoint does not take that method.", 0);
            case 408 -> new ApiError(408, "client_timeout", "The request body did not arrive in time.", 0);
            case 413 -> new ApiError(413, "body_too_large", "The request body is over the limit.", 0);
            case 415 -> new ApiError(415, "unsupported_media_type", "The content type is not accepted here.", 0);
            case 429 -> ApiError.rateLimited(1000);
            case 503 -> ApiError.unavailable("timeout", "The request took too long; try again.", 1);
            default -> new ApiError(500, "internal", "Something went wrong on our side.", 0);
        };
    }
}
