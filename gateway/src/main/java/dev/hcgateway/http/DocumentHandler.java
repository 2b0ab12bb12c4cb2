package dev.hcgateway.http;

import dev.hcgateway.document.DocumentHasher;
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
    private final Edge edge;
    private final DocumentHasher hasher;

    DocumentHandler(ApiServices services) {
        this.services = services;
        this.edge = new Edge(services);
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
        Edge.Judging judging = edge.enter(Routes.VERIFY_DOCUMENT, start, ctx.request(), request.scene(),
                request.gate(), 1);
        Edge.Admitted admitted = edge.admit(1);
        edge.judge(judging, request.type(), request.document()).onComplete(ar -> {
            admitted.release();
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            edge.answer(ctx.response(), judging, ar.result());
        });
    }
}
