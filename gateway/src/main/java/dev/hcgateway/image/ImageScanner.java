package dev.hcgateway.image;

import dev.hcgateway.config.ImageConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Finds the QR code in an uploaded image: header limits, then a decode on the bounded pool with a time budget.
 * One per gateway, shared by every server verticle (its pool bound and body budget are gateway-wide bounds).
 */
public final class ImageScanner {

    private final ImageConfig config;
    private final ImageMetrics metrics;
    private final QrDecoder decoder;
    private final DecodePool pool;
    private final MemoryBudget budget;

    /** Creates the scanner and its decode pool; call once, at gateway start. */
    public ImageScanner(Vertx vertx, ImageConfig config, MeterRegistry registry) {
        loadImageIo(); // a no-op when the gateway loaded it on a worker already
        this.config = config;
        this.metrics = new ImageMetrics(registry);
        this.decoder = new QrDecoder(config.maxPixels(), metrics);
        // The blocked-thread checker warns only past the request timeout: a decode that long is a real problem.
        this.pool = new DecodePool(vertx, "hc-image-decode", config.poolSize(), config.maxQueued(),
                config.requestTimeoutMs(), registry);
        this.budget = new MemoryBudget(config.bodyBudgetBytes(), registry);
    }

    /**
     * Initialises ImageIO (its plugin registry scans the class path) and its PNG and JPEG readers: seconds of class
     * loading on a contended CPU, so call it on a worker thread before the first scanner is made. Idempotent.
     */
    public static void loadImageIo() {
        // The decoder passes ImageIO in-memory streams; this also keeps any other ImageIO use off temp files.
        ImageIO.setUseCache(false);
        for (ImageFormat format : ImageFormat.values()) {
            ImageIO.getImageReadersByFormatName(format.ioName()).forEachRemaining(reader -> reader.dispose());
        }
    }

    /** Returns the limits. */
    public ImageConfig config() {
        return config;
    }

    /** Returns the image metric families. */
    public ImageMetrics metrics() {
        return metrics;
    }

    /** Returns the heap budget of image bodies, shared by every server verticle. */
    public MemoryBudget budget() {
        return budget;
    }

    /** Tells whether the decode pool would take an image now. */
    public boolean hasRoom() {
        return pool.hasRoom();
    }

    /** Returns what the image's header declares; pure and cheap, fit for an event loop. */
    public HeaderProbe probe(byte[] body, ImageFormat declared) {
        return ImageHeaders.probe(body, declared);
    }

    /**
     * Decodes and searches the image on the decode pool within the decode budget, or returns empty when the
     * pool is full. Call only after {@link #probe} found dimensions within {@link ImageConfig#maxPixels()}.
     */
    public Optional<Future<DecodeResult>> scan(byte[] body, ImageFormat format) {
        long deadline = System.nanoTime() + config.decodeBudgetMs() * 1_000_000L;
        return pool.trySubmit(() -> {
            long start = System.nanoTime();
            DecodeResult result = decoder.decode(body, format, deadline);
            metrics.decoded(result, System.nanoTime() - start);
            return result;
        });
    }

    /** Closes the decode pool. */
    public Future<Void> close() {
        return pool.close();
    }
}
