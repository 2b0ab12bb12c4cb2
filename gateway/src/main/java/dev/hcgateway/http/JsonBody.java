package dev.hcgateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** Reads a request body that must be one JSON object: the admin routes and the judged routes that need a tree. */
public final class JsonBody {

    private JsonBody() {
    }

    /** Parses a body as one JSON object, or throws a 400 {@code invalid_json}. */
    public static JsonObject object(Buffer body) {
        if (body == null || body.length() == 0) {
            throw ApiError.badRequest("invalid_json", "The body is empty; a JSON object is expected.").exception();
        }
        try {
            Object value = Json.decodeValue(body);
            if (value instanceof JsonObject o) {
                return o;
            }
        } catch (RuntimeException e) {
            throw ApiError.badRequest("invalid_json", "The body is not valid JSON.").exception();
        }
        throw ApiError.badRequest("invalid_json", "The body must be a JSON object.").exception();
    }
}
