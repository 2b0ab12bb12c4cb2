package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.Answers;
import dev.hcgateway.http.ErrorMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One judged request in progress on its event loop: its deadline, its body, its in-flight slots, and its one
 * answer. Whatever ends it first (answer, refusal, deadline, client gone) ends it; what comes later is dropped.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final ApiError TOO_LARGE = ErrorMapper.map(null, 413);
    private static final ApiError TIMEOUT = ErrorMapper.map(null, 503);
    private static final ApiError CLIENT_TIMEOUT = ErrorMapper.map(null, 408);
    /** Bodies up to this are sized as declared; larger ones grow as bytes arrive (a slow one pins little). */
    static final int PRESIZE_LIMIT = 4096;

    final HttpServerRequest request;
    final HttpServerResponse response;
    final JudgedRoute route;
    final Judge judge;
    /** When the request's head was read: its latency starts here. */
    final long head;
    private final Edge edge;
    private final Vertx vertx;
    private long timer = -1;
    private boolean over;
    private Buffer body;
    private int permits;
    private Runnable onEnd;
    /** The gate the request is judged for (its certificate's, else its body's), once admitted. */
    String gate;

    Exchange(Edge edge, Vertx vertx, HttpServerRequest request, JudgedRoute route, Judge judge, long head) {
        this.edge = edge;
        this.vertx = vertx;
        this.request = request;
        this.response = request.response();
        this.route = route;
        this.judge = judge;
        this.head = head;
    }

    /**
     * Arms the deadline. A body still arriving then is the client's fault (408, apart from the 5xx that page
     * someone); a verdict still missing is ours (503). Either way the connection closes: a client that cannot
     * finish in time keeps no slot.
     */
    void start() {
        timer = vertx.setTimer(route.timeoutMs(), id -> {
            timer = -1;
            refuse(request.isEnded() ? TIMEOUT : CLIENT_TIMEOUT, true);
        });
    }

    /** Reads a JSON body of at most {@code maxBody} bytes, streaming; hands it to the edge once complete. */
    void readBody(int maxBody) {
        if (ErrorMapper.isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(ErrorMapper.FORM_BODY, true);
            return;
        }
        long declared = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > maxBody) {
            refuse(TOO_LARGE, true); // before reading a byte of it
            return;
        }
        // Not sized to the declared length: a client declaring 64 KiB and sending a byte a second would pin it
        // for the connection's life. Small bodies (every gate's) still get one allocation.
        body = Buffer.buffer(declared > 0 && declared <= PRESIZE_LIMIT ? (int) declared : 1024);
        request.handler(chunk -> {
            if (over) {
                return;
            }
            if (body.length() + chunk.length() > maxBody) {
                refuse(TOO_LARGE, true);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!over) {
                Buffer complete = body;
                body = null;
                edge.bodyRead(this, complete);
            }
        });
        // The client went away before its body ended: nobody to answer, nothing to count as a timeout.
        request.exceptionHandler(e -> {
            over = true;
            body = null;
            cancelTimer();
        });
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

    /** Notes the request admitted for {@code gate}, holding {@code slots} in-flight slots until {@link #release}. */
    void admitted(String admittedGate, int slots) {
        this.gate = admittedGate;
        this.permits = slots;
    }

    /** Returns the in-flight slots once, however often it is called. */
    void release() {
        if (permits > 0) {
            edge.release(permits);
            permits = 0;
        }
    }

    /** Runs {@code action} once when the request ends, however it ends (answer, refusal, deadline, client gone). */
    void onEnd(Runnable action) {
        onEnd = action;
        response.endHandler(v -> ended());
        response.closeHandler(v -> ended());
    }

    private void ended() {
        Runnable action = onEnd;
        onEnd = null;
        if (action != null) {
            action.run();
        }
    }

    /** Tells whether the request was answered or given up already: a late verdict is then dropped. */
    boolean over() {
        return over || response.ended();
    }

    /** Writes the judged answer (JSON), once. */
    void answer(Buffer json) {
        if (over()) {
            return;
        }
        over = true;
        cancelTimer();
        route.finished(null);
        Answers.json(response, json);
    }

    /** Answers with an error, once, counted by route and code; {@code close} when the rest cannot be trusted. */
    void refuse(ApiError error, boolean close) {
        if (over()) {
            return;
        }
        over = true;
        body = null; // released now, not when the connection closes
        cancelTimer();
        if (judge.counted()) {
            edge.refused(route.path(), error);
        }
        route.finished(error);
        if (close) {
            // The rest of the body is not wanted: closing once the answer is out stops a client from streaming it
            // at us (Vert.x would otherwise read and discard it to keep the connection).
            ErrorMapper.sendAndClose(request, error);
        } else {
            ErrorMapper.send(response, error);
        }
    }

    /** Answers a failure: the request's own (an ApiError) as it says, anything else as a logged 500. */
    void fail(Throwable failure) {
        if (failure instanceof ApiError.ApiException e) {
            refuse(e.error(), false);
            return;
        }
        LOG.error("unexpected failure on POST {}", route.path(), ErrorMapper.redacted(failure));
        refuse(ErrorMapper.map(failure, 500), false);
    }

    private void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
