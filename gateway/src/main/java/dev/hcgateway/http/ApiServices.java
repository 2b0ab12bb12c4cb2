package dev.hcgateway.http;

import dev.hcgateway.bundle.BundlePublisher;
import dev.hcgateway.colour.ColourService;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.http.edge.RateLimits;
import dev.hcgateway.http.warmup.Warmup;
import dev.hcgateway.image.ImageScanner;
import dev.hcgateway.metrics.GatewayMetrics;
import dev.hcgateway.passage.Passages;
import dev.hcgateway.passback.Passback;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.revocation.RevocationStore;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the HTTP edge needs, shared by every server verticle (they are thread-safe). Nothing is optional: a
 * gateway without a journal has {@link Passages} that record nothing, one without passback rules a
 * {@link Passback} that changes nothing, one that does not warm up {@link Warmup#NONE}.
 *
 * @param scrape     returns the Prometheus text exposition
 * @param images     finds QR codes in uploaded images ({@code /v1/verify/image})
 * @param passages   records passages and serves the tracer API
 * @param rateLimits per-gate and per-address request rates
 * @param warmup     the gateway's own synthetic requests before it is ready
 * @param offline    the offline bundle ({@link BundlePublisher#unconfigured} without a bundle key)
 */
public record ApiServices(GatewayConfig config, VerifyPipeline pipeline, RevocationStore revocations,
                          ColourService colours, GatewayMetrics metrics, Readiness readiness, Admission admission,
                          Supplier<String> scrape, ImageScanner images, Passages passages, Passback passback,
                          RateLimits rateLimits, Warmup warmup, BundlePublisher offline) {

    /** Creates the services of a gateway that serves no offline bundle. */
    public ApiServices(GatewayConfig config, VerifyPipeline pipeline, RevocationStore revocations,
                       ColourService colours, GatewayMetrics metrics, Readiness readiness, Admission admission,
                       Supplier<String> scrape, ImageScanner images, Passages passages, Passback passback,
                       RateLimits rateLimits, Warmup warmup) {
        this(config, pipeline, revocations, colours, metrics, readiness, admission, scrape, images, passages, passback,
                rateLimits, warmup, BundlePublisher.unconfigured(metrics.registry()));
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
        Objects.requireNonNull(passages, "passages");
        Objects.requireNonNull(passback, "passback");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(offline, "offline");
    }
}
