package dev.hcgateway.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a PNG or JPEG and searches it for a QR code with each {@link Strategy} in turn, within a deadline.
 * Blocking and CPU-bound: call it on the decode pool only. Thread-safe: every call makes its own ImageIO reader
 * and its own ZXing {@link QRCodeReader} (neither may be shared between threads).
 */
public final class QrDecoder {

    /** Pictures with a shorter longest side are {@link Strategy#UPSCALED}, longer ones {@link Strategy#DOWNSCALED}. */
    static final int SMALL_SIDE = 400;
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, EnumSet.of(BarcodeFormat.QR_CODE));

    private final long maxPixels;
    private final ImageMetrics metrics;

    /** Creates a decoder refusing images over {@code maxPixels}, counting attempts on {@code metrics}. */
    public QrDecoder(long maxPixels, ImageMetrics metrics) {
        this.maxPixels = maxPixels;
        this.metrics = metrics;
    }

    /** Decodes the image in {@code body} and searches it until a code is read or {@code deadlineNanos} passes. */
    public DecodeResult decode(byte[] body, ImageFormat format, long deadlineNanos) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.ioName());
        if (!readers.hasNext()) {
            return new DecodeResult.Unreadable("No decoder for " + format.mediaType() + " is installed.");
        }
        ImageReader reader = readers.next();
        BufferedImage image;
        // An in-memory stream: ImageIO's default would spill to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(body))) {
            // ignoreMetadata: text and ICC chunks (themselves compressed) are never inflated.
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > maxPixels) {
                return new DecodeResult.TooLarge(pixels);
            }
            ReadDeadline deadline = new ReadDeadline(deadlineNanos);
            reader.addIIOReadProgressListener(deadline);
            image = reader.read(0);
            if (deadline.aborted() || image == null) {
                return new DecodeResult.NoCode(0, true);
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports truncated and corrupt data as IIOException, and some corruptions as runtime errors.
            return new DecodeResult.Unreadable("The " + format.mediaType() + " image data cannot be decoded.");
        } finally {
            reader.dispose();
        }
        return search(image, deadlineNanos);
    }

    /** Searches decoded pixels with each strategy in turn until one reads a code or the deadline passes. */
    public DecodeResult search(BufferedImage image, long deadlineNanos) {
        LuminanceSource base = GreyLuminance.of(image);
        int attempts = 0;
        LuminanceSource rotated = base;
        for (Strategy strategy : Strategy.values()) {
            boolean small = Math.max(image.getWidth(), image.getHeight()) < SMALL_SIDE;
            if (strategy == Strategy.DOWNSCALED && small || strategy == Strategy.UPSCALED && !small) {
                continue;
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                return new DecodeResult.NoCode(attempts, true);
            }
            LuminanceSource source = switch (strategy) {
                case HYBRID, GLOBAL_HISTOGRAM -> base;
                case DOWNSCALED -> Resample.downscale(base);
                case UPSCALED -> Resample.upscale(base);
                case INVERTED -> base.invert();
                case ROTATED_90, ROTATED_180, ROTATED_270 -> rotated = rotated.rotateCounterClockwise();
            };
            attempts++;
            String text = read(source, strategy);
            metrics.attempt(strategy, text != null);
            if (text != null) {
                return new DecodeResult.Found(text, strategy);
            }
        }
        return new DecodeResult.NoCode(attempts, false);
    }

    private static String read(LuminanceSource source, Strategy strategy) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(strategy.binarizer(source)), HINTS).getText();
        } catch (ReaderException e) {
            return null; // not found, checksum or format: this strategy read nothing
        }
    }
}
