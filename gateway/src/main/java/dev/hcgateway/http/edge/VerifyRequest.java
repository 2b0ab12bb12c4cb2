package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.Scene;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * A parsed {@code POST /v1/verify} body. Parsing refuses, with a 400, anything that is not a JSON object with
 * a string {@code code}, a configured {@code scene} and a short printable {@code gate}.
 */
record VerifyRequest(String code, Scene scene, String gate) {

    static final int MAX_GATE = 128;
    /** What {@link #fields} reads for a value that is neither a string nor null. */
    static final Object NOT_TEXT = new Object();
    private static final ApiError NOT_JSON = ApiError.badRequest("invalid_json", "The body is not valid JSON.");
    private static final ApiError NOT_AN_OBJECT = ApiError.badRequest("invalid_json",
            "The body must be a JSON object.");
    // Strict JSON (no comments, no trailing data) with a shallow nesting bound: a gate's body is one flat object,
    // so deeper input is hostile and is refused before it costs anything. Immutable, so shared.
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build();

    /** Parses a body; throws {@link ApiError.ApiException} (400) on a bad request. */
    static VerifyRequest parse(Buffer body, GatewayConfig config) {
        Object[] fields = fields(body, "code", "scene", "gate");
        Object code = fields[0];
        if (!(code instanceof String text)) {
            throw ApiError.badRequest("missing_code", code == null
                    ? "The body has no \"code\"." : "\"code\" must be a string.").exception();
        }
        return new VerifyRequest(text, scene(fields[1], config), gate(fields[2]));
    }

    /**
     * Reads the named top-level fields of a JSON object in one streaming pass, without building a tree: the
     * verify hot path. A field absent or {@code null} reads as null, a string as itself, any other value (number,
     * object...) as {@link #NOT_TEXT}; other fields are skipped; a repeated field keeps its last value.
     * Throws a 400 when the body is not one well-formed JSON object.
     */
    static Object[] fields(Buffer body, String... names) {
        if (body == null || body.length() == 0) {
            throw ApiError.badRequest("invalid_json", "The body is empty; a JSON object is expected.").exception();
        }
        Object[] values = new Object[names.length];
        try (JsonParser parser = JSON.createParser(body.getBytes())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw NOT_AN_OBJECT.exception();
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                int index = indexOf(names, parser.currentName());
                JsonToken value = parser.nextToken();
                Object read = value == JsonToken.VALUE_STRING ? parser.getText()
                        : value == JsonToken.VALUE_NULL ? null : NOT_TEXT;
                parser.skipChildren();
                if (index >= 0) {
                    values[index] = read;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw NOT_JSON.exception();
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof ApiError.ApiException api ? api : NOT_JSON.exception();
        }
        return values;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
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
