package dev.hcgateway.http.edge;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.http.Routes;
import io.vertx.core.buffer.Buffer;

/**
 * Reads {@code POST /v1/verify}, every gate's request: one JSON object with a code, a scene and a gate, parsed
 * in one streaming pass without a tree (the hot path; docs/performance.md). The server hands it to the edge
 * before the router would: the router's body and timeout handlers cost a fifth of the HTTP path's CPU.
 */
final class VerifyRoute implements JudgedRoute {

    private final GatewayConfig config;
    private final long timeoutMs;

    VerifyRoute(GatewayConfig config, long timeoutMs) {
        this.config = config;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public String path() {
        return Routes.VERIFY;
    }

    @Override
    public long timeoutMs() {
        return timeoutMs;
    }

    @Override
    public Asked body(Buffer body) {
        VerifyRequest parsed = VerifyRequest.parse(body, config);
        return new Asked.Code(parsed.code(), parsed.scene(), parsed.gate());
    }
}
