package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.JsonBody;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.Scene;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code POST /v1/verify/batch} body: 1..50 code strings, a configured scene, an optional gate, and an
 * optional {@code at} (ticket pre-verification: the departure, epoch seconds, from now to 72 hours ahead).
 * Anything else is refused whole with a 400 before any code is judged.
 *
 * @param at    the instant the time rules are judged at, or null: now
 * @param scene the scene; with {@code at}, its screenshot bound is stretched by the lead time, so that a code's
 *              age is still measured at the moment it is shown (now) while its expiry is judged at departure
 */
record BatchRequest(List<String> codes, Scene scene, String gate, Instant at) {

    static final int MAX_CODES = 50;
    /** The furthest departure a ticket may be checked ahead of (gateway API, "Ticket pre-verification"). */
    static final long MAX_AHEAD_SECONDS = 72 * 3600;
    private static final ApiError INVALID_AT = ApiError.badRequest("invalid_at", "\"at\" must be the departure in"
            + " whole epoch seconds, from now to 72 hours ahead.");

    BatchRequest {
        codes = List.copyOf(codes);
    }

    /** Parses a body, {@code at} by {@code clock}; throws {@link ApiError.ApiException} (400) on a bad request. */
    static BatchRequest parse(Buffer body, GatewayConfig config, Clock clock) {
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
        Scene scene = VerifyRequest.scene(json.getValue("scene"), config);
        Instant at = at(json.getValue("at"), clock, config.verify().clockSkewSeconds());
        if (at != null) {
            scene = ahead(scene, at.getEpochSecond() - clock.instant().getEpochSecond());
        }
        return new BatchRequest(codes, scene, VerifyRequest.gate(json.getValue("gate")), at);
    }

    /**
     * Returns the departure to judge at, null when none is asked, or throws 400 {@code invalid_at}. A departure up to
     * the clock skew in the past (a client's "now") is judged now: never before now, or a code that expired a moment
     * ago would pass.
     */
    static Instant at(Object value, Clock clock, long skewSeconds) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw INVALID_AT.exception();
        }
        long at = ((Number) value).longValue();
        long now = clock.instant().getEpochSecond();
        if (at < now - skewSeconds || at > now + MAX_AHEAD_SECONDS) {
            throw INVALID_AT.exception();
        }
        return Instant.ofEpochSecond(Math.max(at, now));
    }

    /** Returns the scene with its screenshot bound stretched by {@code leadSeconds} (the age rule stays "now"). */
    private static Scene ahead(Scene scene, long leadSeconds) {
        if (leadSeconds <= 0) {
            return scene;
        }
        return new Scene(scene.name(), scene.decisions(), scene.maxCodeAgeSeconds() + leadSeconds,
                scene.snapshotMaxAgeSeconds(), scene.fallback(), scene.requireVaccinated(), scene.issuers(),
                scene.dcc());
    }
}
