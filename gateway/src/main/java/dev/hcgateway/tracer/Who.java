package dev.hcgateway.tracer;

import io.vertx.core.json.JsonObject;

/**
 * Whom or where a query asks about: a place, a person (issuer and subject), or an identity document (its keyed hash).
 *
 * @param key     the place, the issuer, or the document hash
 * @param subject the subject of a person, else null
 */
record Who(By by, String key, String subject) {

    /** What a query selects by. */
    enum By { PLACE, PERSON, DOCUMENT }

    /** Reads exactly one of {@code place} (when allowed), {@code issuer} with {@code subject}, or {@code document}. */
    static Who of(Params p, boolean placeAllowed) {
        String place = p.text("place");
        String issuer = p.text("issuer");
        String subject = p.text("subject");
        String document = p.text("document");
        if (issuer != null && subject != null && place == null && document == null) {
            return new Who(By.PERSON, issuer, subject);
        }
        if (document != null && place == null && issuer == null && subject == null) {
            if (!document.matches("[0-9a-f]{64}")) {
                throw Params.bad("invalid_parameter", "\"document\" must be a 64-digit lower-case hex hash.");
            }
            return new Who(By.DOCUMENT, document, null);
        }
        if (placeAllowed && place != null && issuer == null && subject == null && document == null) {
            return new Who(By.PLACE, place, null);
        }
        throw Params.bad("missing_parameter", placeAllowed
                ? "Give exactly one of \"place\", \"issuer\" with \"subject\", or \"document\"."
                : "Give \"issuer\" with \"subject\", or \"document\".");
    }

    /** Returns the audit's name of this selection, e.g. {@code person}. */
    String wire() {
        return by.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Adds the selection to audit parameters. */
    JsonObject into(JsonObject parameters) {
        return switch (by) {
            case PLACE -> parameters.put("place", key);
            case PERSON -> parameters.put("issuer", key).put("subject", subject);
            case DOCUMENT -> parameters.put("document", key);
        };
    }
}
