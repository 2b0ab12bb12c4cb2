package dev.hcgateway.tracer;

import io.vertx.core.json.JsonObject;

/** A query's answer: the body to send, and how many rows it holds (what the audit records). */
record Answer(JsonObject body, int rows) {
}
