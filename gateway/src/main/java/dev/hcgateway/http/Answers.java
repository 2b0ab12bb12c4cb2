package dev.hcgateway.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes a 200 JSON answer, once: an answer arriving after the request timed out (503 sent) is dropped. */
final class Answers {

    private Answers() {
    }

    /** Sends {@code body}, unless the response was already answered (e.g. by the request timeout). */
    static void json(HttpServerResponse response, JsonObject body) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.putHeader("Content-Type", "application/json").end(body.toBuffer());
    }
}
