package dev.hcgateway.http;

import dev.hcgateway.document.DocumentHasher;
import dev.hcgateway.answer.OutcomeJson;
import dev.hcgateway.model.DocumentColour;
import dev.hcgateway.model.IdentityDocument;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.policy.ScenePolicy;
import io.vertx.core.Handler;
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
    private final ScenePolicy policy = new ScenePolicy();

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
            DocumentColour found = ar.result();
            Verdict verdict = policy.decide(request.scene(),
                    new IdentityDocument(request.type(), request.document(), found.subject()), found.answer());
            services.metrics().judged(Routes.VERIFY_DOCUMENT, request.scene().name(), verdict,
                    System.nanoTime() - start);
            services.recorder().record(request.gate(), request.scene().name(), verdict);
            Answers.json(ctx.response(), OutcomeJson.of(verdict));
        });
    }
}
