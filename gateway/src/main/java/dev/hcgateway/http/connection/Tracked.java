package dev.hcgateway.http.connection;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * One admitted connection as {@link ConnectionGuard} sees it: its client address, its request in progress if
 * any, when it was last answered, and its deadline while idle. Touched on its server's event loop only.
 */
final class Tracked {

    final String address;
    HttpServerRequest request;
    long head;
    boolean served;
    boolean closing;
    long idleDeadline;
    /** When it was connected, then when its last request was answered: the last thing that happened on it. */
    long lastEvent;

    Tracked(String address, long now, long idleDeadline) {
        this.address = address;
        this.lastEvent = now;
        this.idleDeadline = idleDeadline;
    }

    /** Notes a request head read at {@code now}. */
    void requested(HttpServerRequest next, long now) {
        request = next;
        head = now;
        served = true;
    }

    /**
     * Notes, at a sweep, that its request was answered: idle from now until the next head, closed at once when
     * its answer announced {@code Connection: close}.
     */
    void noteAnswer(long now, long idleNanos) {
        if (request != null && request.response().ended()) {
            request = null;
            lastEvent = now;
            idleDeadline = closing ? now - 1 : now + idleNanos;
        }
    }

    /** Tells whether it has been idle (or silent since it connected) past its deadline. */
    boolean expired(long now) {
        return request == null && now - idleDeadline > 0;
    }

    /**
     * Tells whether it may be closed for a new connection: no request in progress, and neither connected nor
     * answered within {@code graceNanos} (its client's next request, or its first, may already be on the way).
     */
    boolean reclaimable(long now, long graceNanos) {
        // A request in progress, or answered since the last sweep (so within the grace either way).
        return request == null && now - lastEvent >= graceNanos;
    }

    /** Announces the close on the answer of {@code answering}; the sweep closes the connection once it is out. */
    void closeAfterAnswer(HttpServerRequest answering) {
        // Vert.x keeps the connection open whatever the answer's Connection header says: the sweep closes it.
        answering.response().putHeader(HttpHeaders.CONNECTION, "close");
        closing = true;
    }
}
