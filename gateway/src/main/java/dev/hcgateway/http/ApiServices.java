package dev.hcgateway.http;

import dev.hcgateway.colour.ColourService;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.image.ImageScanner;
import dev.hcgateway.metrics.GatewayMetrics;
import dev.hcgateway.passage.PassageRecorder;
import dev.hcgateway.passage.Passages;
import dev.hcgateway.passback.Passback;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.revocation.RevocationStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the HTTP edge needs, shared by every server verticle (they are thread-safe).
 *
 * @param scrape returns the Prometheus text exposition
 * @param images finds QR codes in uploaded images ({@code /v1/verify/image})
 * @param passages records passages and serves the tracer API, or null for none (tests of other parts)
 * @param rateLimits per-gate and per-address request rates
 */
public record ApiServices(GatewayConfig config, VerifyPipeline pipeline, RevocationStore revocations,
                          ColourService colours, GatewayMetrics metrics, Readiness readiness, Admission admission,
                          Supplier<String> scrape, ImageScanner images, Passages passages, Passback passback,
                          RateLimits rateLimits) {

    /** Creates the services without passback, with rate limits on the system clock. */
    public ApiServices(GatewayConfig config, VerifyPipeline pipeline, RevocationStore revocations,
                       ColourService colours, GatewayMetrics metrics, Readiness readiness, Admission admission,
                       Supplier<String> scrape, ImageScanner images, Passages passages) {
        this(config, pipeline, revocations, colours, metrics, readiness, admission, scrape, images, passages, null,
                new RateLimits(config, metrics.registry(), Clock.systemUTC()));
    }

    /** Creates the services without passages: nothing is recorded, the tracer API answers 503. */
    public ApiServices(GatewayConfig config, VerifyPipeline pipeline, RevocationStore revocations,
                       ColourService colours, GatewayMetrics metrics, Readiness readiness, Admission admission,
                       Supplier<String> scrape, ImageScanner images) {
        this(config, pipeline, revocations, colours, metrics, readiness, admission, scrape, images, (Passages) null);
    }

    /** Returns where judged codes leave their passages. */
    public PassageRecorder recorder() {
        return passages == null ? PassageRecorder.NONE : passages;
    }

    public ApiServices {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(colours, "colours");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(scrape, "scrape");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }
}
