package dev.hcgateway.config;

/**
 * Verification of photographed or uploaded codes ({@code POST /v1/verify/image}).
 *
 * @param poolSize         decode threads of the dedicated worker pool (never an event loop)
 * @param maxQueued        images waiting for a decode thread; past it the request is 503 with Retry-After
 * @param maxBytes         largest image body; larger is 413 before it is read
 * @param bodyBudgetBytes  heap for image bodies being received or decoded, all requests together; a request that
 *                         would pass it is 503 {@code image_busy} before its bytes are buffered
 * @param maxPixels        largest image, width x height from its header; larger is 413 before any pixel is decoded
 * @param requestTimeoutMs answers 503 to an image request not answered within this time
 * @param decodeBudgetMs   decode strategies stop after this long with no code found (422)
 */
public record ImageConfig(int poolSize, int maxQueued, int maxBytes, long bodyBudgetBytes, long maxPixels,
                          int requestTimeoutMs, int decodeBudgetMs) {

    public ImageConfig {
        if (bodyBudgetBytes < 2L * maxBytes) {
            // A chunked body holds old and new array while it grows (at most twice its bound): below this, one
            // image of the largest allowed size could not be received even alone.
            throw new ConfigException("image.bodyBudgetBytes: must be at least 2 x image.maxBytes (" + 2L * maxBytes
                    + "), got " + bodyBudgetBytes);
        }
        if (decodeBudgetMs >= requestTimeoutMs) {
            throw new ConfigException("image.decodeBudgetMs: must be below image.requestTimeoutMs (" + requestTimeoutMs
                    + "), got " + decodeBudgetMs);
        }
    }

    static ImageConfig from(ConfigNode n) {
        return new ImageConfig(
                n.integer("poolSize", 1, 64),
                n.integer("maxQueued", 0, 1024),
                n.integer("maxBytes", 1024, 32 << 20),
                n.number("bodyBudgetBytes", 1024, 16L << 30),
                n.number("maxPixels", 1, 100_000_000L),
                n.integer("requestTimeoutMs", 100, 60_000),
                n.integer("decodeBudgetMs", 50, 60_000));
    }
}
