package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.Answers;
import dev.hcgateway.http.ErrorMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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
    private static final ApiError TIMEOUT = ErrorMapper.map(null, 503);
    private static final ApiError CLIENT_TIMEOUT = ErrorMapper.map(null, 408);

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

    /** Ends the exchange without an answer: its client went away (nobody to answer, no timeout to count). */
    void clientGone() {
        over = true;
        cancelTimer();
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
