package dev.hcgateway.image;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;

/**
 * One way of looking for a QR code, tried in declaration order until one reads a code. The cheap, usually
 * sufficient ones come first; the rest only cost time on images that hold no readable code.
 */
public enum Strategy {
    /** Local thresholds: copes with shadows and uneven light (most phone photos). */
    HYBRID,
    /** One global threshold: copes with low-contrast, blurred or small images where local blocks fail. */
    GLOBAL_HISTOGRAM,
    /**
     * Box-averaged by 2 or more (to at most {@link Resample#MAX_SIDE} pixels a side): sensor noise and
     * moiré average out. Only for pictures at least {@link QrDecoder#SMALL_SIDE} pixels long.
     */
    DOWNSCALED,
    /** Doubled (nearest neighbour): codes of one or two pixels a module. Only for pictures under {@link QrDecoder#SMALL_SIDE}. */
    UPSCALED,
    /** Light modules on a dark ground (inverted displays, some printed passes). */
    INVERTED,
    /** The picture turned a quarter, half and three quarters. */
    ROTATED_90, ROTATED_180, ROTATED_270;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    /** Returns the lower-case name used as a metric label. */
    public String label() {
        return label;
    }

    /** Returns the binarizer this strategy reads the source with. */
    Binarizer binarizer(LuminanceSource source) {
        return this == GLOBAL_HISTOGRAM ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source);
    }
}
