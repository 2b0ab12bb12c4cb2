package dev.hcgateway.http;

import dev.hcgateway.model.Outcome;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /v1/verify}, every gate's request, on the HTTP server itself: the server hands it the
 * request before the router would, and the router's route for the path calls it too. It does in one place what
 * the router's body and timeout handlers and a {@code JsonObject} round trip did, for a fifth less of the
 * HTTP path's CPU (docs/performance.md): bounded body, streaming JSON in and out, one timer, errors as
 * {@link ApiError}s written by {@link ErrorMapper#send}.
 */
final class VerifyEndpoint implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyEndpoint.class);
    private static final ApiError TOO_LARGE = ErrorMapper.map(null, 413);
    private static final ApiError TIMEOUT = ErrorMapper.map(null, 503);
    private static final ApiError CLIENT_TIMEOUT = ErrorMapper.map(null, 408);
    /** Bodies up to this are sized as declared; larger ones grow as bytes arrive (a slow one pins little). */
    static final int PRESIZE_LIMIT = 4096;

    private final Vertx vertx;
    private final ApiServices services;
    private final Edge edge;
    private final int maxBody;
    private final long timeoutMs;
    private final BooleanSupplier loopLate;

    VerifyEndpoint(Vertx vertx, ApiServices services) {
        this(vertx, services, () -> false);
    }

    /** Creates the endpoint; {@code loopLate} tells whether its event loop runs past the queueing bound. */
    VerifyEndpoint(Vertx vertx, ApiServices services, BooleanSupplier loopLate) {
        this.vertx = vertx;
        this.services = services;
        this.edge = new Edge(services);
        this.loopLate = loopLate;
        this.maxBody = services.config().http().maxBodyBytes();
        this.timeoutMs = services.config().http().requestTimeoutMs();
    }

    @Override
    public void handle(HttpServerRequest request) {
        request.routed(Routes.VERIFY);
        if (ErrorMapper.isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(request, ErrorMapper.FORM_BODY, true);
            return;
        }
        long declared = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > maxBody) {
            refuse(request, TOO_LARGE, true); // before reading a byte of it
            return;
        }
        new Exchange(request, declared).start();
    }

    /** Returns the declared body length, -1 when none is declared, or past any limit when it is not a number. */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        if (header.isEmpty() || header.length() > 10) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(header);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void refuse(HttpServerRequest request, ApiError error, boolean close) {
        services.metrics().refused(Routes.VERIFY, error.error());
        if (!close) {
            ErrorMapper.send(request.response(), error);
            return;
        }
        // The rest of the body is not wanted: closing once the answer is out stops a client from streaming it
        // at us (Vert.x would otherwise read and discard it to keep the connection).
        ErrorMapper.sendAndClose(request, error);
    }

    /** One request in progress: its body, its deadline, its answer. Lives on the request's event loop. */
    private final class Exchange {
        private final long start = System.nanoTime();
        private final HttpServerRequest request;
        private final HttpServerResponse response;
        private Buffer body;
        private long timer = -1;
        private boolean refused;
        private Edge.Admitted admitted;
        private Edge.Judging judging;

        Exchange(HttpServerRequest request, long declared) {
            this.request = request;
            this.response = request.response();
            // Not sized to the declared length: a client declaring 64 KiB and sending a byte a second would pin
            // it for the connection's life. Small bodies (every gate's) still get one allocation.
            this.body = Buffer.buffer(declared > 0 && declared <= PRESIZE_LIMIT ? (int) declared : 1024);
        }

        void start() {
            // One deadline from the head on, as the router's TimeoutHandler did: a slow body counts too. Either way
            // the connection is closed: a client that cannot finish in time must not keep its slot. A body still
            // arriving is the client's fault (408, apart from the 5xx that page someone); a late verdict is ours.
            timer = vertx.setTimer(timeoutMs, id -> {
                timer = -1;
                stop(request.isEnded() ? TIMEOUT : CLIENT_TIMEOUT, true);
            });
            request.handler(this::chunk);
            request.endHandler(v -> judge());
            // The client went away before its body ended: nobody to answer, nothing to count as a timeout.
            request.exceptionHandler(e -> {
                refused = true;
                body = null;
                cancelTimer();
            });
        }

        private void chunk(Buffer chunk) {
            if (refused) {
                return;
            }
            if (body.length() + chunk.length() > maxBody) {
                stop(TOO_LARGE, true);
                return;
            }
            body.appendBuffer(chunk);
        }

        private void judge() {
            if (refused) {
                return;
            }
            if (loopLate.getAsBoolean()) {
                // The body arrived while the loop was behind: shed now rather than add a verify to the queue.
                services.admission().countShed();
                stop(ApiError.OVERLOADED, false);
                return;
            }
            try {
                VerifyRequest parsed = VerifyRequest.parse(body, services.config());
                body = null;
                judging = edge.enter(Routes.VERIFY, start, request, parsed.scene(), parsed.gate(), 1);
                admitted = edge.admit(1);
                edge.judge(judging, parsed.code()).onComplete(this::answer);
            } catch (ApiError.ApiException e) {
                stop(e.error(), false);
            } catch (RuntimeException e) {
                LOG.error("unexpected failure on POST {}", Routes.VERIFY, ErrorMapper.redacted(e));
                stop(ErrorMapper.map(e, 500), false);
            }
        }

        private void answer(AsyncResult<Outcome> ar) {
            release();
            if (refused || response.ended()) {
                return; // answered meanwhile (503 timeout): the late verdict is dropped, not written twice
            }
            cancelTimer();
            if (ar.failed()) {
                LOG.error("unexpected failure on POST {}", Routes.VERIFY, ErrorMapper.redacted(ar.cause()));
                stop(ErrorMapper.map(ar.cause(), 500), false);
                return;
            }
            edge.answer(response, judging, ar.result());
        }

        /** Answers with an error once; the request's slot is released when its verdict comes back. */
        private void stop(ApiError error, boolean close) {
            if (refused) {
                return;
            }
            refused = true;
            body = null; // released now, not when the connection closes
            cancelTimer();
            refuse(request, error, close);
        }

        private void release() {
            if (admitted != null) {
                admitted.release();
            }
        }

        private void cancelTimer() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }
}
