package dev.hcgateway.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.qrcode.QRCodeReader;
import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.QrImages;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.Pictures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A quick, JMH-free measurement (not a test): per picture, the ImageIO decode, the luminance conversion, each
 * applicable strategy alone on that luminance, and the whole {@link QrDecoder#decode} (median of 5 runs after 2
 * warm-ups, one thread). Run it with
 * {@code java -cp gateway/target/classes:gateway/target/test-classes:<deps> dev.hcgateway.image.DecodeTimings}.
 */
public final class DecodeTimings {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, EnumSet.of(BarcodeFormat.QR_CODE));

    private DecodeTimings() {
    }

    public static void main(String[] args) throws Exception {
        ImageIO.setUseCache(false);
        String code = new MintedCodes(1_795_300_000L).valid(Colour.GREEN);
        BufferedImage qr = QrImages.render(code, 900);
        run("clean QR PNG 600x600", QrImages.encode(QrImages.render(code, 600), "png"), ImageFormat.PNG);
        run("photo JPEG 1600x1200, code 420 px", QrImages.encode(Pictures.photo(1600, 1200, QrImages.render(code, 420),
                600, 380, 7, 3), "jpg"), ImageFormat.JPEG);
        run("photo JPEG 4000x3000 (12 MP), code 900 px", QrImages.encode(Pictures.photo(4000, 3000, qr, 1500, 1000, 7,
                3), "jpg"), ImageFormat.JPEG);
        run("photo JPEG 4000x3000 (12 MP), no code", QrImages.encode(Pictures.photo(4000, 3000, null, 0, 0, 0, 4), "jpg"),
                ImageFormat.JPEG);
    }

    private static void run(String name, byte[] body, ImageFormat format) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body));
        System.out.printf("%s (%d KiB)%n", name, body.length / 1024);
        System.out.printf("  %-18s %8.1f ms%n", "imageio read", median(() -> ImageIO.read(new ByteArrayInputStream(body))));
        System.out.printf("  %-18s %8.1f ms%n", "luminance (zxing)", median(() -> new BufferedImageLuminanceSource(image)));
        System.out.printf("  %-18s %8.1f ms%n", "luminance (direct)", median(() -> GreyLuminance.of(image)));
        LuminanceSource base = GreyLuminance.of(image);
        boolean small = Math.max(image.getWidth(), image.getHeight()) < QrDecoder.SMALL_SIDE;
        for (Strategy s : Strategy.values()) {
            if (s == Strategy.DOWNSCALED && small || s == Strategy.UPSCALED && !small) {
                continue;
            }
            boolean[] found = new boolean[1];
            double ms = median(() -> found[0] = attempt(base, s));
            System.out.printf("  %-18s %8.1f ms %s%n", s.label(), ms, found[0] ? "found" : "-");
        }
        QrDecoder decoder = new QrDecoder(16_000_000, new ImageMetrics(new SimpleMeterRegistry()));
        Object[] result = new Object[1];
        double whole = median(() -> result[0] = decoder.decode(body, format, System.nanoTime() + 60_000_000_000L));
        String outcome = result[0] instanceof DecodeResult.Found f ? "found by " + f.strategy().label()
                : result[0].toString();
        System.out.printf("  %-18s %8.1f ms %s%n", "whole decode", whole, outcome);
    }

    /** Tries one strategy alone on a picture's luminance, as the decoder does (rotations not chained here). */
    private static boolean attempt(LuminanceSource base, Strategy s) {
        LuminanceSource source = switch (s) {
            case HYBRID, GLOBAL_HISTOGRAM -> base;
            case DOWNSCALED -> Resample.downscale(base);
            case UPSCALED -> Resample.upscale(base);
            case INVERTED -> base.invert();
            case ROTATED_90 -> base.rotateCounterClockwise();
            case ROTATED_180 -> base.rotateCounterClockwise().rotateCounterClockwise();
            case ROTATED_270 -> base.rotateCounterClockwise().rotateCounterClockwise().rotateCounterClockwise();
        };
        try {
            new QRCodeReader().decode(new BinaryBitmap(s.binarizer(source)), HINTS);
            return true;
        } catch (ReaderException e) {
            return false;
        }
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double median(Work work) throws Exception {
        double[] ms = new double[5];
        for (int i = -2; i < ms.length; i++) {
            long start = System.nanoTime();
            work.run();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
