package dev.hcgateway.tracer;

import io.vertx.core.json.JsonObject;

/**
 * {@code POST /tracer/v1/document-hash}: the keyed hash of a document number, to query by {@code document}. It
 * names a person, so it is audited like a query; the audit keeps the document type, never the number.
 */
record HashQuery(String type, String caseId) implements Query {

    @Override
    public String kind() {
        return "document_hash";
    }

    @Override
    public JsonObject parameters() {
        return new JsonObject().put("type", type);
    }
}
