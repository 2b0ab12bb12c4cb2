package dev.hcgateway.http;

import dev.hcgateway.document.DocumentHasher;
import dev.hcgateway.document.DocumentVerdict;
import dev.hcgateway.policy.DocumentPolicy;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code POST /v1/verify/document}: hash the number at once, look the colour up by hash, apply the
 * scene, answer 200 in the verify shape ({@code kind: document}). Without a document key: 503.
 */
final class DocumentHandler implements Handler<RoutingContext> {

    private static final ApiError NOT_CONFIGURED = ApiError.unavailable("document_verification_unavailable",
            "Verification by identity document is not configured on this gateway (no document key).", 0);

    private final ApiServices services;
    private final DocumentHasher hasher;
    private final DocumentPolicy policy = new DocumentPolicy();

    DocumentHandler(ApiServices services) {
        this.services = services;
        String key = services.config().document().key();
        this.hasher = key == null ? null : new DocumentHasher(key);
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        if (hasher == null) {
            throw NOT_CONFIGURED.exception();
        }
        DocumentRequest request = DocumentRequest.parse(ctx.body().buffer(), services.config(), hasher);
        services.admission().admit(1);
        services.colours().colourOfDocument(request.document()).onComplete(ar -> {
            services.admission().release(1);
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            DocumentVerdict verdict = policy.decide(request.scene(), request.type(), ar.result());
            services.metrics().judged(Routes.VERIFY_DOCUMENT, request.scene().name(), verdict.decision(),
                    verdict.reason(), verdict.degraded(), System.nanoTime() - start);
            services.recorder().record(request.gate(), request.scene().name(), verdict, request.document().hash());
            Answers.json(ctx.response(), json(verdict));
        });
    }

    /** Returns the answer in the verify shape; there is no issuer or expiry without a code. */
    static JsonObject json(DocumentVerdict v) {
        JsonObject json = new JsonObject()
                .put("decision", v.decision().wire())
                .put("reason", v.reason().wire());
        if (v.colour() != null) {
            json.put("colour", v.colour().wire()).put("source", v.source().wire());
        }
        json.put("degraded", v.degraded()).put("kind", "document").put("documentType", v.type().wire());
        if (v.subject() != null) {
            json.put("subject", v.subject());
        }
        return json;
    }
}
