package dev.hcgateway.http;

import dev.hcgateway.model.SubjectKey;
import dev.hcgateway.revocation.WriteFailed;
import dev.hcgateway.revocation.WriteFault;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Serves the admin API: revocations and colour invalidations. Every call needs the bearer token; a 2xx
 * answer means the change is stored (in Redis, when configured) and on its way to every gateway.
 */
final class AdminHandler {

    static final int MAX_SUBJECTS = 1000;
    private static final long MAX_INSTANT = 253_402_300_799L; // 9999-12-31
    private final ApiServices services;
    private final byte[] token;

    AdminHandler(ApiServices services, String token) {
        this.services = services;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Fails with 401 unless the request carries the token; compared in constant time. */
    void authorize(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), token)) {
            throw new ApiError(401, "unauthorized", "A valid admin bearer token is required.", 0).exception();
        }
        ctx.next();
    }

    /**
     * {@code POST /admin/v1/revocations}: {@code {"codeId": hex}} or {@code {"subject", "issuedBefore"}}, with an
     * optional {@code "issuer"}: that issuer's codes of the subject; without it, the subject under every issuer.
     */
    void revoke(RoutingContext ctx) {
        JsonObject body = JsonBody.object(ctx.body().buffer());
        Future<Void> stored;
        JsonObject answer = new JsonObject().put("stored", true);
        if (body.containsKey("codeId") && !body.containsKey("subject") && !body.containsKey("issuer")) {
            byte[] codeId = codeId(body.getValue("codeId"));
            stored = services.revocations().revokeCode(codeId);
            answer.put("codeId", HexFormat.of().formatHex(codeId));
        } else if (body.containsKey("subject") && !body.containsKey("codeId")) {
            String subject = subject(body.getValue("subject"));
            Object before = body.getValue("issuedBefore");
            if (!(before instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 0
                    || n.longValue() > MAX_INSTANT) {
                throw ApiError.badRequest("invalid_issued_before",
                        "\"issuedBefore\" must be epoch seconds (a non-negative integer).").exception();
            }
            String issuer = issuer(body.getValue("issuer"));
            stored = services.revocations().revokeSubject(SubjectKey.of(issuer, subject), n.longValue());
            answer.put("issuedBefore", n.longValue());
            if (issuer != null) {
                answer.put("issuer", issuer);
            }
        } else {
            throw ApiError.badRequest("invalid_revocation", "Give either \"codeId\", or \"subject\" with"
                    + " \"issuedBefore\" (and optionally \"issuer\").").exception();
        }
        answerWhenStored(ctx, stored, answer);
    }

    /**
     * {@code POST /admin/v1/invalidations}: {@code {"subjects": [...]}}, with an optional {@code "issuer"}: those
     * subjects under that issuer; without it, under every issuer.
     */
    void invalidate(RoutingContext ctx) {
        JsonObject body = JsonBody.object(ctx.body().buffer());
        String issuer = issuer(body.getValue("issuer"));
        Object value = body.getValue("subjects");
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_SUBJECTS) {
            throw ApiError.badRequest("invalid_subjects",
                    "\"subjects\" must be a list of 1.." + MAX_SUBJECTS + " subjects.").exception();
        }
        List<String> subjects = new ArrayList<>(array.size());
        for (Object s : array) {
            subjects.add(subject(s));
        }
        JsonObject answer = new JsonObject().put("stored", true).put("subjects", subjects.size());
        if (issuer != null) {
            answer.put("issuer", issuer);
        }
        answerWhenStored(ctx, services.revocations().publishInvalidation(issuer, subjects), answer);
    }

    private static void answerWhenStored(RoutingContext ctx, Future<Void> stored, JsonObject answer) {
        stored.onComplete(ar -> {
            AuditLog.change(ctx.request().path(), ar.succeeded(), answer);
            if (ar.failed()) {
                ErrorMapper.send(ctx.response(), refused(ar.cause()));
            } else {
                Answers.json(ctx.response(), answer);
            }
        });
    }

    /**
     * Maps a failed write to its answer: only a write certainly not applied says "nothing was changed"; one
     * that timed out may still run in Redis, and retrying it is safe (the same change twice is the same state).
     */
    static ApiError refused(Throwable cause) {
        WriteFault fault = cause instanceof WriteFailed w ? w.fault() : new WriteFault.NotStored("not stored");
        if (fault instanceof WriteFault.OutcomeUnknown) {
            return ApiError.unavailable("store_outcome_unknown", "The store did not confirm the change in time: it"
                    + " may or may not be applied. Retrying is safe (the same change applied twice is the same state).", 1);
        }
        if (fault instanceof WriteFault.NotInitialised) {
            return ApiError.unavailable("store_not_initialised", "The revocation store in Redis has no marker"
                    + " (flushed or never initialised); nothing was changed. An operator must restore or initialise"
                    + " it first (docs/revocation.md).", 30);
        }
        return ApiError.unavailable("store_unavailable", "The change could not be stored; nothing was changed. Retry.",
                1);
    }

    static byte[] codeId(Object value) {
        if (value instanceof String hex && hex.length() >= 16 && hex.length() <= 32 && hex.length() % 2 == 0) {
            try {
                return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // falls through to the 400 below
            }
        }
        throw ApiError.badRequest("invalid_code_id", "\"codeId\" must be the hex of 8..16 bytes.").exception();
    }

    /** Returns the issuer id given, or null when none is (the subject under every issuer). */
    static String issuer(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && SubjectKey.validIssuer(s)) {
            return s;
        }
        throw ApiError.badRequest("invalid_issuer", "\"issuer\" is an issuer id: 1..32 of A-Z, 0-9 and -.")
                .exception();
    }

    static String subject(Object value) {
        if (value instanceof String s && SubjectKey.validSubject(s)) {
            return s;
        }
        throw ApiError.badRequest("invalid_subject", "A subject is 1..64 printable characters.").exception();
    }
}
