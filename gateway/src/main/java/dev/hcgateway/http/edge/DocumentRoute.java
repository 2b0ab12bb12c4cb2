package dev.hcgateway.http.edge;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.document.DocumentHasher;
import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.Routes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads {@code POST /v1/verify/document}: the number is hashed at once and goes no further; the colour is looked
 * up by the hash and the scene applied, answered in the verify shape ({@code kind: document}). Without a
 * document key: 503, before the body is read.
 */
final class DocumentRoute implements JudgedRoute {

    private static final ApiError NOT_CONFIGURED = ApiError.unavailable("document_verification_unavailable",
            "Verification by identity document is not configured on this gateway (no document key).", 0);

    private final GatewayConfig config;
    private final long timeoutMs;
    private final DocumentHasher hasher;

    DocumentRoute(GatewayConfig config, long timeoutMs) {
        this.config = config;
        this.timeoutMs = timeoutMs;
        String key = config.document().key();
        this.hasher = key == null ? null : new DocumentHasher(key);
    }

    @Override
    public String path() {
        return Routes.VERIFY_DOCUMENT;
    }

    @Override
    public long timeoutMs() {
        return timeoutMs;
    }

    @Override
    public Asked head(HttpServerRequest request) {
        if (hasher == null) {
            throw NOT_CONFIGURED.exception();
        }
        return null; // the body tells the rest
    }

    @Override
    public Asked body(Buffer body) {
        DocumentRequest parsed = DocumentRequest.parse(body, config, hasher);
        return new Asked.Document(parsed.type(), parsed.document(), parsed.scene(), parsed.gate());
    }
}
