package dev.hcgateway.http.edge;

import dev.hcgateway.pipeline.VerifyPipeline;
import java.util.Objects;

/**
 * What judges a request: the served pipeline, whose requests are counted, rate limited and recorded; or the
 * warm-up's, whose synthetic requests go the same way through the edge and the pipeline but leave no trace.
 */
record Judge(VerifyPipeline pipeline, boolean counted) {

    Judge {
        Objects.requireNonNull(pipeline, "pipeline");
    }
}
