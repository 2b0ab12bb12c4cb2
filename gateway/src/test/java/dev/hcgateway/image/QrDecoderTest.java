package dev.hcgateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.QrImages;
import dev.hcgateway.support.Pictures;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonObject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The decode strategies and limits, on the calling thread. */
class QrDecoderTest {

    private static final long SECONDS = 1_000_000_000L;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final QrDecoder decoder = new QrDecoder(16_000_000, new ImageMetrics(registry));
    /** A fixed code: minted ones differ run to run (randomised ECDSA), and so would the pictures. */
    private final String code = TestData.vectors().getJsonArray("cases").stream().map(JsonObject.class::cast)
            .filter(c -> c.getString("name").equals("valid-green-personal")).findFirst().orElseThrow()
            .getString("code");

    private static long in(long nanos) {
        return System.nanoTime() + nanos;
    }

    private double attempts(String strategy, boolean found) {
        var c = registry.find("hc_image_decode_attempts").tags("strategy", strategy, "found", "" + found).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void search_cleanCode_readByTheFirstStrategy() {
        DecodeResult result = decoder.search(QrImages.render(code, 300), in(5 * SECONDS));
        assertThat(result).isEqualTo(new DecodeResult.Found(code, Strategy.HYBRID));
    }

    @Test
    void search_lightOnDarkCode_readByInvertedStrategy() {
        DecodeResult result = decoder.search(Pictures.inverted(QrImages.render(code, 300)), in(5 * SECONDS));
        assertThat(result).isEqualTo(new DecodeResult.Found(code, Strategy.INVERTED));
        assertThat(attempts("hybrid", false)).isEqualTo(1);
        assertThat(attempts("inverted", true)).isEqualTo(1);
    }

    @Test
    void search_oneOrTwoPixelsPerModule_readByUpscaledStrategy() {
        BufferedImage tiny = QrImages.render(code, 70);
        DecodeResult result = decoder.search(tiny, in(5 * SECONDS));
        assertThat(result).isInstanceOf(DecodeResult.Found.class);
        assertThat(((DecodeResult.Found) result).text()).isEqualTo(code);
    }

    @Test
    void search_blankPicture_triesEveryApplicableStrategyThenNoCode() {
        BufferedImage blank = new BufferedImage(500, 300, BufferedImage.TYPE_BYTE_GRAY);
        assertThat(decoder.search(blank, in(5 * SECONDS))).isEqualTo(new DecodeResult.NoCode(7, false));
        assertThat(attempts("upscaled", false)).isZero();
        BufferedImage small = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_GRAY);
        assertThat(decoder.search(small, in(5 * SECONDS))).isEqualTo(new DecodeResult.NoCode(7, false));
        assertThat(attempts("downscaled", false)).as("the large blank only").isEqualTo(1);
    }

    @Test
    void search_deadlinePassed_givesUpBeforeTheFirstAttempt() {
        DecodeResult result = decoder.search(QrImages.render(code, 300), in(-1));
        assertThat(result).isEqualTo(new DecodeResult.NoCode(0, true));
        assertThat(registry.find("hc_image_decode_attempts").counters()).isEmpty();
    }

    @Test
    void decode_jpegPhoto_found() {
        byte[] jpeg = QrImages.encode(Pictures.photo(1200, 900, QrImages.render(code, 360), 400, 250, -9, 2), "jpg");
        assertThat(decoder.decode(jpeg, ImageFormat.JPEG, in(5 * SECONDS))).isInstanceOf(DecodeResult.Found.class);
    }

    @Test
    void decode_truncatedPngData_unreadable() {
        byte[] png = QrImages.encode(QrImages.render(code, 300), "png");
        DecodeResult result = decoder.decode(Arrays.copyOf(png, png.length * 2 / 3), ImageFormat.PNG, in(5 * SECONDS));
        assertThat(result).isInstanceOf(DecodeResult.Unreadable.class);
    }

    @Test
    void decode_bombHeader_refusedByTheReadersOwnDimensions() {
        // The handler refuses this from the header already; the decoder checks again before reading pixels.
        DecodeResult result = decoder.decode(Pictures.pngDeclaring(100_000, 100_000), ImageFormat.PNG, in(5 * SECONDS));
        assertThat(result).isEqualTo(new DecodeResult.TooLarge(10_000_000_000L));
    }

    @Test
    void decode_overTheDecodersPixelLimit_tooLarge() {
        QrDecoder strict = new QrDecoder(200 * 200, new ImageMetrics(registry));
        byte[] png = QrImages.encode(QrImages.render(code, 300), "png");
        assertThat(strict.decode(png, ImageFormat.PNG, in(5 * SECONDS))).isEqualTo(new DecodeResult.TooLarge(90_000));
    }

    @Test
    void downscale_averagesBlocks() {
        var source = new GreyLuminance(new byte[]{0, (byte) 200, 100, 100, 50, 50, 50, 50}, 4, 2);
        var small = Resample.downscale(source);
        assertThat(small.getWidth()).isEqualTo(2);
        assertThat(small.getHeight()).isEqualTo(1);
        assertThat(small.getMatrix()).containsExactly((byte) 75, (byte) 75);
    }

    @Test
    void greyLuminance_rotatedCounterClockwise_transposesRows() {
        // 3 x 2:  1 2 3 / 4 5 6  ->  2 x 3:  3 6 / 2 5 / 1 4
        var source = new GreyLuminance(new byte[]{1, 2, 3, 4, 5, 6}, 3, 2);
        var turned = source.rotateCounterClockwise();
        assertThat(turned.getWidth()).isEqualTo(2);
        assertThat(turned.getHeight()).isEqualTo(3);
        assertThat(turned.getMatrix()).containsExactly(3, 6, 2, 5, 1, 4);
    }

    @Test
    void greyLuminance_colourAndTransparentPixels_matchZxingsConversion() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_4BYTE_ABGR);
        image.setRGB(0, 0, 0xFF336699);
        image.setRGB(1, 0, 0x00000000); // fully transparent: white
        image.setRGB(2, 0, 0x80FF0000);
        byte[] ours = GreyLuminance.of(image).getMatrix();
        byte[] zxing = new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image).getMatrix();
        for (int i = 0; i < 3; i++) {
            assertThat(ours[i] & 0xFF).as("pixel " + i).isCloseTo(zxing[i] & 0xFF, org.assertj.core.data.Offset.offset(1));
        }
        assertThat(ours[1] & 0xFF).isEqualTo(255);
    }
}
