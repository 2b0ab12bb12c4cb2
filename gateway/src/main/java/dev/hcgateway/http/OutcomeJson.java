package dev.hcgateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.hcgateway.code.HealthCode;
import dev.hcgateway.pipeline.DccVerdict;
import dev.hcgateway.pipeline.Outcome;
import dev.hcgateway.pipeline.Rejection;
import dev.hcgateway.pipeline.Verdict;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a judged code in the verify answer shape of the gateway API. The shape is written once
 * ({@link #fields}); {@link #buffer} streams it straight to bytes for the single-code hot path, {@link #of}
 * builds a {@link JsonObject} for answers that embed it (batch).
 */
public final class OutcomeJson {

    // Immutable once built, so shared; it only writes ASCII field names and the values below.
    private static final JsonFactory JSON = new JsonFactory();

    /** Receives the answer's fields in order; values are strings, booleans or longs. */
    @FunctionalInterface
    interface Fields {
        void put(String name, Object value) throws IOException;
    }

    private OutcomeJson() {
    }

    /** Returns the answer as an object; a rejection carries only its decision and reason, never the code's claims. */
    static JsonObject of(Outcome outcome) {
        JsonObject json = new JsonObject();
        try {
            fields(outcome, json::put);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: putting into a map does no I/O
        }
        return json;
    }

    /** Returns the answer as UTF-8 JSON bytes, written without an intermediate object. */
    public static Buffer buffer(Outcome outcome) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            fields(outcome, (name, value) -> {
                if (value instanceof String s) {
                    out.writeStringField(name, s);
                } else if (value instanceof Boolean b) {
                    out.writeBooleanField(name, b);
                } else {
                    out.writeNumberField(name, (Long) value);
                }
            });
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the sink is memory
        }
        return Buffer.buffer(bytes.toByteArray());
    }

    /** Writes the answer's fields: the one definition of its shape. */
    static void fields(Outcome outcome, Fields out) throws IOException {
        out.put("decision", outcome.decision().wire());
        out.put("reason", outcome.reason().wire());
        if (outcome instanceof Rejection) {
            out.put("degraded", false);
            return;
        }
        if (outcome instanceof DccVerdict d) {
            // No colour: the scene's DCC rules decided. Name and date of birth are never in a DccCertificate.
            out.put("source", "code");
            out.put("degraded", false);
            out.put("issuer", d.issuer());
            out.put("subject", d.certificate().uvci());
            out.put("kind", "dcc");
            out.put("certificateType", d.certificate().type().wire());
            out.put("expiresAt", d.certificate().expiresAt());
            return;
        }
        Verdict v = (Verdict) outcome;
        HealthCode code = v.code();
        if (v.colour() != null) {
            out.put("colour", v.colour().wire());
            out.put("source", v.source().wire());
        }
        out.put("degraded", v.degraded());
        out.put("issuer", code.issuer());
        out.put("subject", code.subject());
        out.put("kind", code.kind().wire());
        if (code.relation() != null) {
            out.put("relation", code.relation());
        }
        out.put("expiresAt", code.expiresAt());
    }
}
