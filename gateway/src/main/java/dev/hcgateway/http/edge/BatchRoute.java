package dev.hcgateway.http.edge;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.http.Routes;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;

/**
 * Reads {@code POST /v1/verify/batch}: 1..50 codes, every one judged on its own, all started in the same
 * event-loop tick (so the colour stage can coalesce their store lookups), answered in request order. A batch
 * takes one rate token and one in-flight slot per code (capped at the bound, so a batch always fits an idle
 * gateway), all or nothing: the in-flight bound counts codes being judged, whichever route brought them. With
 * {@code at} (ticket pre-verification) the codes are judged as of a departure up to 72 hours ahead.
 */
final class BatchRoute implements JudgedRoute {

    private final GatewayConfig config;
    private final Clock clock;
    private final long timeoutMs;

    BatchRoute(GatewayConfig config, Clock clock, long timeoutMs) {
        this.config = config;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public String path() {
        return Routes.VERIFY_BATCH;
    }

    @Override
    public long timeoutMs() {
        return timeoutMs;
    }

    @Override
    public Asked body(Buffer body) {
        BatchRequest parsed = BatchRequest.parse(body, config, clock);
        return new Asked.Codes(parsed.codes(), parsed.scene(), parsed.gate(), parsed.at());
    }
}
