package dev.hcgateway.http;

import dev.hcgateway.code.HealthCode;
import dev.hcgateway.pipeline.Outcome;
import dev.hcgateway.pipeline.Rejection;
import dev.hcgateway.pipeline.Verdict;
import io.vertx.core.json.JsonObject;

/** Writes a judged code in the verify answer shape of the gateway API. */
final class OutcomeJson {

    private OutcomeJson() {
    }

    /** Returns the answer; a rejection carries only its decision and reason, never the code's claims. */
    static JsonObject of(Outcome outcome) {
        JsonObject json = new JsonObject()
                .put("decision", outcome.decision().wire())
                .put("reason", outcome.reason().wire());
        if (outcome instanceof Rejection) {
            return json.put("degraded", false);
        }
        Verdict v = (Verdict) outcome;
        HealthCode code = v.code();
        if (v.colour() != null) {
            json.put("colour", v.colour().wire()).put("source", v.source().wire());
        }
        json.put("degraded", v.degraded())
                .put("issuer", code.issuer())
                .put("subject", code.subject())
                .put("kind", code.kind().wire());
        if (code.relation() != null) {
            json.put("relation", code.relation());
        }
        return json.put("expiresAt", code.expiresAt());
    }
}
