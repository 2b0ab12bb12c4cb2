package dev.hcgateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.QrImages;
import dev.hcgateway.support.Pictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Dimensions from PNG IHDR and JPEG SOFn headers, without decoding a pixel. */
class ImageHeadersTest {

    private static byte[] jpegOf(int width, int height) {
        return QrImages.encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    /** Returns SOI, the given segments, then the rest of {@code jpeg} after its SOI. */
    private static byte[] withSegmentsAfterSoi(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] segment(int marker, int payloadLength) {
        byte[] s = new byte[4 + payloadLength];
        s[0] = (byte) 0xFF;
        s[1] = (byte) marker;
        s[2] = (byte) ((payloadLength + 2) >> 8);
        s[3] = (byte) (payloadLength + 2);
        return s;
    }

    /** Returns a bare JPEG header: SOI then a frame header of the given marker and size, and nothing else. */
    private static byte[] frameOnly(int marker, int width, int height) {
        return new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) marker, 0, 11, 8,
                (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 1, 1, 0x11, 0};
    }

    @Test
    void png_realImage_dimensionsFromIhdr() {
        byte[] png = QrImages.encode(new BufferedImage(321, 123, BufferedImage.TYPE_BYTE_GRAY), "png");
        assertThat(ImageHeaders.probe(png, ImageFormat.PNG))
                .isEqualTo(new HeaderProbe.Dimensions(ImageFormat.PNG, 321, 123));
    }

    @Test
    void png_declaringHugeDimensions_reportedAsDeclared() {
        HeaderProbe probe = ImageHeaders.probe(Pictures.pngDeclaring(100_000, 100_000), ImageFormat.PNG);
        assertThat(((HeaderProbe.Dimensions) probe).pixels()).isEqualTo(10_000_000_000L);
    }

    @Test
    void png_zeroOrNegativeWidth_corrupt() {
        assertThat(ImageHeaders.probe(Pictures.pngDeclaring(0, 10), ImageFormat.PNG))
                .isInstanceOf(HeaderProbe.Corrupt.class);
        assertThat(ImageHeaders.probe(Pictures.pngDeclaring(0x8000_0000L, 10), ImageFormat.PNG))
                .isInstanceOf(HeaderProbe.Corrupt.class);
    }

    @Test
    void png_cutInsideIhdr_corrupt() {
        byte[] png = Pictures.pngDeclaring(10, 10);
        assertThat(ImageHeaders.probe(Arrays.copyOf(png, 20), ImageFormat.PNG)).isInstanceOf(HeaderProbe.Corrupt.class);
    }

    @Test
    void png_otherChunkFirst_corrupt() {
        byte[] png = Pictures.pngDeclaring(10, 10);
        png[13] = 'X';
        assertThat(ImageHeaders.probe(png, ImageFormat.PNG)).isInstanceOf(HeaderProbe.Corrupt.class);
    }

    @Test
    void png_jpegOrTextOrNothing_notImage() {
        assertThat(ImageHeaders.probe(jpegOf(8, 8), ImageFormat.PNG)).isInstanceOf(HeaderProbe.NotImage.class);
        assertThat(ImageHeaders.probe("hello".getBytes(), ImageFormat.PNG)).isInstanceOf(HeaderProbe.NotImage.class);
        assertThat(ImageHeaders.probe(new byte[0], ImageFormat.PNG)).isInstanceOf(HeaderProbe.NotImage.class);
    }

    @Test
    void jpeg_realImage_dimensionsFromSof() {
        assertThat(ImageHeaders.probe(jpegOf(640, 480), ImageFormat.JPEG))
                .isEqualTo(new HeaderProbe.Dimensions(ImageFormat.JPEG, 640, 480));
    }

    @Test
    void jpeg_largeAppSegmentsAndFillBytesBeforeFrame_skipped() {
        byte[] exif = segment(0xE1, 65_000);
        byte[] icc = segment(0xE2, 30_000);
        byte[] fill = {(byte) 0xFF, (byte) 0xFF};
        byte[] jpeg = withSegmentsAfterSoi(jpegOf(33, 17), exif, icc, fill);
        assertThat(ImageHeaders.probe(jpeg, ImageFormat.JPEG))
                .isEqualTo(new HeaderProbe.Dimensions(ImageFormat.JPEG, 33, 17));
    }

    @Test
    void jpeg_progressiveAndMaximalFrame_dimensionsRead() {
        assertThat(ImageHeaders.probe(frameOnly(0xC2, 65_535, 65_535), ImageFormat.JPEG))
                .isEqualTo(new HeaderProbe.Dimensions(ImageFormat.JPEG, 65_535, 65_535));
    }

    @Test
    void jpeg_huffmanTableMarker_isNotTakenForAFrame() {
        // C4 (DHT) sits among the SOF markers; read as a frame it would give nonsense dimensions.
        byte[] jpeg = withSegmentsAfterSoi(jpegOf(20, 10), segment(0xC4, 20));
        assertThat(ImageHeaders.probe(jpeg, ImageFormat.JPEG))
                .isEqualTo(new HeaderProbe.Dimensions(ImageFormat.JPEG, 20, 10));
    }

    @Test
    void jpeg_heightDeferredToDnl_corrupt() {
        assertThat(ImageHeaders.probe(frameOnly(0xC0, 100, 0), ImageFormat.JPEG))
                .isInstanceOf(HeaderProbe.Corrupt.class);
    }

    @Test
    void jpeg_scanBeforeAnyFrame_corrupt() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2};
        assertThat(ImageHeaders.probe(jpeg, ImageFormat.JPEG)).isInstanceOf(HeaderProbe.Corrupt.class);
    }

    @Test
    void jpeg_cutAnywhereBeforeItsFrameEnds_corruptNeverThrows() {
        byte[] jpeg = withSegmentsAfterSoi(jpegOf(30, 30), segment(0xE0, 14));
        int frame = 0;
        while (!((jpeg[frame] & 0xFF) == 0xFF && ImageHeaders.isStartOfFrame(jpeg[frame + 1] & 0xFF))) {
            frame++;
        }
        for (int cut = 3; cut < frame + 9; cut++) {
            assertThat(ImageHeaders.probe(Arrays.copyOf(jpeg, cut), ImageFormat.JPEG)).as("cut at " + cut)
                    .isInstanceOf(HeaderProbe.Corrupt.class);
        }
    }

    @Test
    void jpeg_segmentLengthBelowTwo_corrupt() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 1, 0, 0};
        assertThat(ImageHeaders.probe(jpeg, ImageFormat.JPEG)).isInstanceOf(HeaderProbe.Corrupt.class);
    }

    @Test
    void jpeg_pngOrText_notImage() {
        byte[] png = QrImages.encode(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png");
        assertThat(ImageHeaders.probe(png, ImageFormat.JPEG)).isInstanceOf(HeaderProbe.NotImage.class);
        assertThat(ImageHeaders.probe(new byte[]{(byte) 0xFF}, ImageFormat.JPEG))
                .isInstanceOf(HeaderProbe.NotImage.class);
    }

    @Test
    void contentType_withParametersAndCase_recognised() {
        assertThat(ImageFormat.ofContentType("Image/PNG; charset=binary")).isEqualTo(ImageFormat.PNG);
        assertThat(ImageFormat.ofContentType("image/jpeg")).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFormat.ofContentType("image/gif")).isNull();
        assertThat(ImageFormat.ofContentType(null)).isNull();
    }
}
