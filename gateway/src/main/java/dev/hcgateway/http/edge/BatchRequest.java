package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.JsonBody;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.Scene;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code POST /v1/verify/batch} body: 1..50 code strings, a configured scene, an optional gate.
 * Anything else is refused whole with a 400 before any code is judged.
 */
record BatchRequest(List<String> codes, Scene scene, String gate) {

    static final int MAX_CODES = 50;

    BatchRequest {
        codes = List.copyOf(codes);
    }

    /** Parses a body; throws {@link ApiError.ApiException} (400) on a bad request. */
    static BatchRequest parse(Buffer body, GatewayConfig config) {
        JsonObject json = JsonBody.object(body);
        Object value = json.getValue("codes");
        if (value == null) {
            throw ApiError.badRequest("missing_codes", "The body has no \"codes\" list.").exception();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiError.badRequest("invalid_codes", "\"codes\" must be a list of code strings.").exception();
        }
        if (array.isEmpty()) {
            throw ApiError.badRequest("empty_batch", "\"codes\" is empty; send 1.." + MAX_CODES + " codes.")
                    .exception();
        }
        if (array.size() > MAX_CODES) {
            throw ApiError.badRequest("batch_too_large", "\"codes\" holds " + array.size() + " codes; at most "
                    + MAX_CODES + " per batch.").exception();
        }
        List<String> codes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String code)) {
                throw ApiError.badRequest("invalid_codes", "codes[" + i + "] must be a string.").exception();
            }
            codes.add(code);
        }
        return new BatchRequest(codes, VerifyRequest.scene(json.getValue("scene"), config),
                VerifyRequest.gate(json.getValue("gate")));
    }
}
