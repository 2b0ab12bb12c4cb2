package dev.hcgateway.answer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.IdentityDocument;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.DccVerdict;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a judged credential in the verify answer shape of the gateway API, for every route and the CLI. The shape is written once
 * ({@link #fields}); {@link #buffer} streams it straight to bytes for the single-code hot path, {@link #of}
 * builds a {@link JsonObject} for answers that embed it (batch).
 */
public final class OutcomeJson {

    // Immutable once built, so shared; it only writes ASCII field names and the values below.
    private static final JsonFactory JSON = new JsonFactory();

    /** Receives the answer's fields in order; values are strings, booleans or longs. */
    @FunctionalInterface
    public interface Fields {
        void put(String name, Object value) throws IOException;
    }

    private OutcomeJson() {
    }

    /** Returns the answer as an object; a rejection carries only its decision and reason, never the code's claims. */
    public static JsonObject of(Outcome outcome) {
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
    public static void fields(Outcome outcome, Fields out) throws IOException {
        out.put("decision", outcome.decision().wire());
        out.put("reason", outcome.reason().wire());
        if (outcome instanceof Rejection rejection && rejection.colour() != null) {
            // Grey (an expired international code) is read off the code itself: its source is the code.
            out.put("colour", rejection.colour().wire());
            out.put("source", ColourSource.CODE.wire());
        }
        if (outcome instanceof DccVerdict d) {
            // No colour: the scene's DCC rules decided. Name and date of birth are never in a DccCertificate.
            out.put("source", ColourSource.CODE.wire());
            out.put("degraded", false);
            out.put("issuer", d.issuer());
            out.put("subject", d.certificate().uvci());
            out.put("kind", "dcc");
            out.put("certificateType", d.certificate().type().wire());
            out.put("expiresAt", d.certificate().expiresAt());
            return;
        }
        if (!(outcome instanceof Verdict v)) {
            out.put("degraded", outcome.degraded()); // a rejection reveals nothing of the code's claims
            return;
        }
        if (v.colour() != null) {
            out.put("colour", v.colour().wire());
            out.put("source", v.source().wire());
        }
        out.put("degraded", v.degraded());
        if (v.credential() instanceof HealthCode code) {
            out.put("issuer", code.issuer());
            out.put("subject", code.subject());
            out.put("kind", code.kind().wire());
            if (code.relation() != null) {
                out.put("relation", code.relation());
            }
            out.put("expiresAt", code.expiresAt());
        } else if (v.credential() instanceof IdentityDocument document) {
            out.put("kind", "document"); // no issuer or expiry without a code
            out.put("documentType", document.type().wire());
            if (document.subject() != null) {
                out.put("subject", document.subject());
            }
        }
    }
}
