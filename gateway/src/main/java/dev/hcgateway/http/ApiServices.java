package dev.hcgateway.http;

import dev.hcgateway.colour.ColourService;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.image.ImageScanner;
import dev.hcgateway.metrics.GatewayMetrics;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.revocation.RevocationStore;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the HTTP edge needs, shared by every server verticle (they are thread-safe).
 *
 * @param scrape returns the Prometheus text exposition
 * @param images finds QR codes in uploaded images ({@code /v1/verify/image})
 */
public record ApiServices(GatewayConfig config, VerifyPipeline pipeline, RevocationStore revocations,
                          ColourService colours, GatewayMetrics metrics, Readiness readiness, Admission admission,
                          Supplier<String> scrape, ImageScanner images) {

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
    }
}
