package dev.hcgateway.http;

import java.util.List;

/** The paths the server serves; the single list the router, metrics labels and the OpenAPI check share. */
public final class Routes {

    public static final String VERIFY = "/v1/verify";
    public static final String VERIFY_BATCH = "/v1/verify/batch";
    public static final String VERIFY_IMAGE = "/v1/verify/image";
    public static final String VERIFY_DOCUMENT = "/v1/verify/document";
    public static final String PASSAGES_OFFLINE = "/v1/passages/offline";
    public static final String REVOCATIONS = "/admin/v1/revocations";
    public static final String INVALIDATIONS = "/admin/v1/invalidations";
    public static final String REVOCATIONS_EXPORT = "/admin/v1/revocations/export";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String METRICS = "/metrics";
    public static final String OFFLINE_BUNDLE = "/v1/offline/bundle";
    public static final String OFFLINE_KEY = "/v1/offline/key";
    public static final String TRACER_PASSAGES = "/tracer/v1/passages";
    public static final String TRACER_COMPANIONS = "/tracer/v1/companions";
    public static final String TRACER_PLACES = "/tracer/v1/places";
    public static final String TRACER_DOCUMENT_HASH = "/tracer/v1/document-hash";

    /** The route label of the warm-up's own synthetic requests, which no served metric counts. */
    public static final String WARMUP = dev.hcgateway.metrics.Telemetry.UNMEASURED;

    /** Every path, for bounded metric labels. */
    static final List<String> ALL = List.of(VERIFY, VERIFY_BATCH, VERIFY_IMAGE, VERIFY_DOCUMENT, PASSAGES_OFFLINE,
            REVOCATIONS, INVALIDATIONS, REVOCATIONS_EXPORT, LIVE, READY, METRICS, TRACER_PASSAGES, TRACER_COMPANIONS,
            OFFLINE_BUNDLE, OFFLINE_KEY);

    private Routes() {
    }

    /** Returns the one method a path of ours serves: GET for probes and metrics, POST for the rest. */
    static String methodOf(String path) {
        return path.equals(LIVE) || path.equals(READY) || path.equals(METRICS) || path.equals(REVOCATIONS_EXPORT)
                || path.equals(OFFLINE_BUNDLE) || path.equals(OFFLINE_KEY) ? "GET" : "POST";
    }

    /** Returns the path when it is one of ours, else {@code other}: a bounded label. */
    public static String label(String path) {
        return ALL.contains(path) ? path : "other";
    }
}
