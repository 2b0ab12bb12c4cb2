package dev.hcgateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes a 200 JSON answer, once: an answer arriving after the request timed out (503 sent) is dropped. */
public final class Answers {

    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private Answers() {
    }

    /** Sends {@code body}, unless the response was already answered (e.g. by the request timeout). */
    public static void json(HttpServerResponse response, JsonObject body) {
        json(response, body.toBuffer());
    }

    /** Sends {@code body}, JSON already written, unless the response was already answered. */
    public static void json(HttpServerResponse response, Buffer body) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
    }
}
