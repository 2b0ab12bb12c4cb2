package dev.hcgateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz targets of the image header probe (docs/fuzzing.md): any body, declared PNG or JPEG, is
 * measured or refused with a reason, never an exception, and a measured one declares dimensions its format can
 * hold. Regression inputs: {@code src/test/resources/dev/hcgateway/image/ImageHeadersFuzzTestInputs/<method>/}.
 */
class ImageHeadersFuzzTest {

    /** Any body uploaded as {@code image/png}: the signature, the IHDR chunk and its dimensions. */
    @FuzzTest(maxDuration = "10s")
    void anyBodyAsPng_isMeasuredOrRefusedNeverThrown(byte[] body) {
        check(ImageHeaders.probe(body, ImageFormat.PNG), ImageFormat.PNG, 0x7FFF_FFFFL);
    }

    /** Any body uploaded as {@code image/jpeg}: the marker walk to the frame header and its dimensions. */
    @FuzzTest(maxDuration = "10s")
    void anyBodyAsJpeg_isMeasuredOrRefusedNeverThrown(byte[] body) {
        check(ImageHeaders.probe(body, ImageFormat.JPEG), ImageFormat.JPEG, 0xFFFF);
    }

    private static void check(HeaderProbe probe, ImageFormat format, long maxSide) {
        assertThat(probe).isNotNull();
        if (probe instanceof HeaderProbe.Dimensions d) {
            assertThat(d.format()).isEqualTo(format);
            assertThat(d.width()).isBetween(1L, maxSide);
            assertThat(d.height()).isBetween(1L, maxSide);
        }
    }
}
