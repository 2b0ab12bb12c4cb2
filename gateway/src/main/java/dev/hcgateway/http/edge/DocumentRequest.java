package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.JsonBody;
import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.document.DocumentHasher;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.Scene;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A parsed {@code POST /v1/verify/document} body. The number is checked and hashed inside {@link #parse} and
 * goes no further: this record holds only its keyed hash. Error messages describe the expected shape and never
 * repeat what was sent.
 */
record DocumentRequest(DocumentType type, DocumentKey document, Scene scene, String gate) {

    /** Parses and hashes; throws {@link ApiError.ApiException} (400) on a bad request. */
    static DocumentRequest parse(Buffer body, GatewayConfig config, DocumentHasher hasher) {
        JsonObject json = JsonBody.object(body);
        DocumentType type = DocumentType.ofWire(json.getValue("type"));
        if (type == null) {
            throw ApiError.badRequest("invalid_document_type", "\"type\" must be one of "
                    + DocumentType.wireNames() + ".").exception();
        }
        Object number = json.remove("number");
        String canonical = number instanceof String s ? type.canonical(s) : null;
        if (canonical == null) {
            throw ApiError.badRequest("invalid_document_number", number == null
                    ? "The body has no \"number\"."
                    : "\"number\" must be a " + type.wire() + " number: " + type.shape()
                    + (type == DocumentType.RESIDENT_ID ? ", with a matching check character." : ".")).exception();
        }
        DocumentKey key = hasher.hash(type, canonical);
        return new DocumentRequest(type, key, VerifyRequest.scene(json.getValue("scene"), config),
                VerifyRequest.gate(json.getValue("gate")));
    }
}
