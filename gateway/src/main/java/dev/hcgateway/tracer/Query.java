package dev.hcgateway.tracer;

import io.vertx.core.json.JsonObject;

/**
 * A tracer query as its audit row records it: what kind of question, for which case, with which parameters. The
 * parameters are those the officer asked (never a document number, only its keyed hash).
 */
sealed interface Query permits PassageQuery, CompanionQuery, AuditQuery, HashQuery {

    /** Returns the kind of question, e.g. {@code companions}. */
    String kind();

    /** Returns the case the query serves; null only for a supervisor's audit read without a case filter. */
    String caseId();

    /** Returns the parameters, for the audit row. */
    JsonObject parameters();
}
