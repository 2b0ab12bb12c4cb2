package dev.hcgateway.http;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.policy.Scene;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A parsed {@code POST /v1/verify} body. Parsing refuses, with a 400, anything that is not a JSON object with
 * a string {@code code}, a configured {@code scene} and a short printable {@code gate}.
 */
record VerifyRequest(String code, Scene scene, String gate) {

    static final int MAX_GATE = 128;

    /** Parses a body; throws {@link ApiError.ApiException} (400) on a bad request. */
    static VerifyRequest parse(Buffer body, GatewayConfig config) {
        JsonObject json = object(body);
        Object code = json.getValue("code");
        if (!(code instanceof String text)) {
            throw ApiError.badRequest("missing_code", code == null
                    ? "The body has no \"code\"." : "\"code\" must be a string.").exception();
        }
        return new VerifyRequest(text, scene(json.getValue("scene"), config), gate(json.getValue("gate")));
    }

    /** Parses a body as one JSON object, or throws a 400. */
    static JsonObject object(Buffer body) {
        if (body == null || body.length() == 0) {
            throw ApiError.badRequest("invalid_json", "The body is empty; a JSON object is expected.").exception();
        }
        try {
            Object value = io.vertx.core.json.Json.decodeValue(body);
            if (value instanceof JsonObject o) {
                return o;
            }
        } catch (RuntimeException e) {
            throw ApiError.badRequest("invalid_json", "The body is not valid JSON.").exception();
        }
        throw ApiError.badRequest("invalid_json", "The body must be a JSON object.").exception();
    }

    /** Returns the named scene, the default one when none is named, or throws a 400. */
    static Scene scene(Object value, GatewayConfig config) {
        if (value == null) {
            return config.scene(config.verify().defaultScene());
        }
        Scene scene = value instanceof String name ? config.scene(name) : null;
        if (scene == null) {
            throw ApiError.badRequest("unknown_scene", "Unknown scene; configured scenes are "
                    + config.scenes().keySet().stream().sorted().toList() + ".").exception();
        }
        return scene;
    }

    /** Returns the gate id, null when absent, or throws a 400 when it is not short printable text. */
    static String gate(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String gate) || gate.isEmpty() || gate.length() > MAX_GATE
                || !gate.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw ApiError.badRequest("invalid_gate", "\"gate\" must be 1.." + MAX_GATE
                    + " printable ASCII characters.").exception();
        }
        return gate;
    }
}
