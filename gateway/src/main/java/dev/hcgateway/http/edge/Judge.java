package dev.hcgateway.http.edge;

import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.revocation.RevocationStore;
import java.util.Objects;

/**
 * What judges a request: the served pipeline, whose requests are counted, rate limited and recorded; or the
 * warm-up's, whose synthetic requests go the same way through the edge and the pipeline but leave no trace.
 *
 * @param revocations the store whose mirror must be fit to judge by ({@code 503 not_ready} otherwise)
 */
record Judge(VerifyPipeline pipeline, RevocationStore revocations, boolean counted) {

    Judge {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(revocations, "revocations");
    }
}
