package dev.hcgateway.http.edge;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.JsonBody;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Scene;
import dev.hcgateway.passage.OfflineEntry;
import dev.hcgateway.passage.OfflinePassage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A parsed {@code POST /v1/passages/offline} body: the gate, and 1..5,000 passages. A body that is not such a
 * request is refused whole (400) before anything is kept; an element that is not a passage is read as
 * {@link OfflineEntry.Unreadable} and refused on its own in the answer, so that one faulty record never holds back
 * the rest of a gate's backlog. Fields other than those read are ignored (a gate may send its whole answer).
 */
record OfflinePassagesRequest(String gate, List<OfflineEntry> entries) {

    static final int MAX_PASSAGES = 5_000;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern REASON = Pattern.compile("[a-z][a-z_]{0,63}");

    OfflinePassagesRequest {
        entries = List.copyOf(entries);
    }

    /** Parses a body (blocking for a large one: a worker's job); throws {@link ApiError.ApiException} (400). */
    static OfflinePassagesRequest parse(Buffer body, GatewayConfig config) {
        JsonObject json = JsonBody.object(body);
        Object value = json.getValue("passages");
        if (value == null) {
            throw ApiError.badRequest("missing_passages", "The body has no \"passages\" list.").exception();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiError.badRequest("invalid_passages", "\"passages\" must be a list of passages.").exception();
        }
        if (array.isEmpty()) {
            throw ApiError.badRequest("empty_passages", "\"passages\" is empty; send 1.." + MAX_PASSAGES
                    + " passages.").exception();
        }
        if (array.size() > MAX_PASSAGES) {
            throw ApiError.badRequest("too_many_passages", "\"passages\" holds " + array.size()
                    + " passages; at most " + MAX_PASSAGES + " per request.").exception();
        }
        String gate = VerifyRequest.gate(json.getValue("gate"));
        Scene scene = VerifyRequest.scene(json.getValue("scene"), config);
        List<OfflineEntry> entries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            entries.add(entry(i, array.getValue(i), scene, config));
        }
        return new OfflinePassagesRequest(gate, entries);
    }

    private static OfflineEntry entry(int index, Object value, Scene fallback, GatewayConfig config) {
        if (!(value instanceof JsonObject p)) {
            return new OfflineEntry.Unreadable(index, null, "passages[" + index + "] is not an object.");
        }
        String id = p.getValue("id") instanceof String s && UUID_TEXT.matcher(s).matches() ? s : null;
        if (id == null) {
            return new OfflineEntry.Unreadable(index, null, "passages[" + index + "].id must be a UUID.");
        }
        String fault = fault(p, config);
        if (fault != null) {
            return new OfflineEntry.Unreadable(index, id, "passages[" + index + "]." + fault);
        }
        Scene scene = p.getValue("scene") == null ? fallback : config.scene(p.getString("scene"));
        try {
            return new OfflineEntry.Readable(index, new OfflinePassage(UUID.fromString(id), p.getLong("at"),
                    scene.name(), p.getString("decision"), p.getString("reason"), p.getString("colour"),
                    Boolean.TRUE.equals(p.getValue("degraded")), p.getString("issuer"), p.getString("subject"),
                    p.getString("kind"), p.getString("codeId"), p.getString("document")));
        } catch (IllegalArgumentException e) {
            // The passage's own rules, e.g. "subject ... come from a decoded code: issuer too": names, no values.
            return new OfflineEntry.Unreadable(index, id, "passages[" + index + "]: " + e.getMessage() + ".");
        }
    }

    /** Returns what is wrong with an element's fields (a sentence after its path), or null. */
    private static String fault(JsonObject p, GatewayConfig config) {
        Object at = p.getValue("at");
        if (!(at instanceof Integer || at instanceof Long) || ((Number) at).longValue() <= 0) {
            return "at must be a positive whole number of epoch milliseconds.";
        }
        if (!(p.getValue("decision") instanceof String d) || !(d.equals("pass") || d.equals("deny")
                || d.equals("manual"))) {
            return "decision must be pass, deny or manual.";
        }
        if (!(p.getValue("reason") instanceof String r) || !REASON.matcher(r).matches()) {
            return "reason must be a reason code (lower-case letters and _).";
        }
        Object colour = p.getValue("colour");
        if (colour != null && !(colour instanceof String c && Colour.ofWire(c) != null)) {
            return "colour must be a colour of the verify answer.";
        }
        Object scene = p.getValue("scene");
        if (scene != null && !(scene instanceof String s && config.scene(s) != null)) {
            return "scene must be a configured scene.";
        }
        if (p.getValue("degraded") != null && !(p.getValue("degraded") instanceof Boolean)) {
            return "degraded must be true or false.";
        }
        for (String text : new String[]{"issuer", "subject", "kind", "codeId", "document"}) {
            if (p.getValue(text) != null && !(p.getValue(text) instanceof String)) {
                return text + " must be a string.";
            }
        }
        return null;
    }
}
