package dev.hcgateway.http;

import dev.hcgateway.bundle.BuiltBundle;
import dev.hcgateway.bundle.BundlePublisher;
import dev.hcgateway.revocation.MirrorState;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the offline gates' routes (docs/offline.md): {@code GET /v1/offline/bundle}, the signed bundle with an
 * {@code ETag} ({@code If-None-Match} answers 304 without a body, so polling gates cost a header each), and
 * {@code GET /v1/offline/key}, the bundle key's public JWK. Without a bundle key both answer 503
 * offline_not_configured; while the revocation mirror is not loaded the bundle answers 503 mirror_not_loaded (a
 * bundle without the revocations would let revoked codes pass), and past its staleness bound 503 not_ready, as the
 * judged routes do.
 */
final class OfflineHandler {

    private static final ApiError NOT_CONFIGURED = ApiError.unavailable("offline_not_configured",
            "This gateway has no offline bundle key (offline.bundleKey); offline gates are not served.", 3600);
    private static final ApiError NOT_LOADED = ApiError.unavailable("mirror_not_loaded",
            "This gateway holds no revocation mirror yet; retry shortly or ask another gateway.", 5);
    private static final ApiError NOT_READY = ApiError.unavailable("not_ready",
            "This gateway's revocation mirror is too stale to judge by; retry shortly or ask another gateway.", 5);

    private final ApiServices services;
    private final BundlePublisher publisher;

    OfflineHandler(ApiServices services) {
        this.services = services;
        this.publisher = services.offline();
    }

    /** Answers the bundle, or 304 when the gate holds it already. */
    void bundle(RoutingContext ctx) {
        if (!publisher.configured()) {
            publisher.answered(503);
            throw NOT_CONFIGURED.exception();
        }
        if (!services.revocations().serving()) {
            // What the gateway would not judge with, it does not hand to gates to judge with for hours either.
            publisher.answered(503);
            throw (services.revocations().state().freshness() == MirrorState.Freshness.UNLOADED ? NOT_LOADED
                    : NOT_READY).exception();
        }
        publisher.bundle().onComplete(ar -> {
            if (ar.failed()) {
                publisher.answered(500);
                ctx.fail(ar.cause());
                return;
            }
            BuiltBundle b = ar.result();
            var response = ctx.response().putHeader("ETag", b.etag()).putHeader("Cache-Control", "no-cache");
            if (matches(ctx.request().getHeader("If-None-Match"), b.etag())) {
                publisher.answered(304);
                response.setStatusCode(304).end();
                return;
            }
            publisher.answered(200);
            response.putHeader("Content-Type", "application/cose; cose-type=\"cose-sign1\"")
                    .end(Buffer.buffer(b.bytes()));
        });
    }

    /** Answers the bundle key's public JWK. */
    void key(RoutingContext ctx) {
        if (!publisher.configured()) {
            throw NOT_CONFIGURED.exception();
        }
        ctx.response().putHeader("Content-Type", "application/jwk+json").putHeader("Cache-Control", "no-cache")
                .end(publisher.publicKey().jwk());
    }

    /** Tells whether an {@code If-None-Match} list names this tag (weak or strong; {@code *} matches any). */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
