package dev.hcgateway.image;

import com.google.zxing.LuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * A picture's luminance as one byte array, rotated by transposing the array. ZXing's own
 * {@code BufferedImageLuminanceSource} converts pixel by pixel through {@code getRGB} and rotates through Java2D:
 * most of the time spent on a 12-megapixel photo. Interleaved 8-bit sRGB or grey rasters (what ImageIO gives
 * for JPEG and most PNG) are read directly; anything else goes through ZXing's conversion.
 */
final class GreyLuminance extends LuminanceSource {

    private static final int TILE = 64;
    private final byte[] grey;

    /** Wraps {@code grey}, {@code width x height} row-major bytes (not copied; never modified). */
    GreyLuminance(byte[] grey, int width, int height) {
        super(width, height);
        if (grey.length != width * height) {
            throw new IllegalArgumentException("luminance size mismatch");
        }
        this.grey = grey;
    }

    /** Returns the luminance of a decoded picture, as ZXing computes it (fully transparent pixels are white). */
    static GreyLuminance of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] fast = direct(image, w, h);
        return new GreyLuminance(fast != null ? fast : new BufferedImageLuminanceSource(image).getMatrix(), w, h);
    }

    private static byte[] direct(BufferedImage image, int w, int h) {
        Raster raster = image.getRaster();
        ColorSpace cs = image.getColorModel().getColorSpace();
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof ComponentSampleModel model)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || !(cs.isCS_sRGB() || cs.getType() == ColorSpace.TYPE_GRAY)) {
            return null;
        }
        int bands = model.getNumBands();
        int[] offsets = model.getBandOffsets();
        if (model.getSampleSize(0) != 8 || !(bands == 1 || bands == 3 || bands == 4 && image.getColorModel().hasAlpha())) {
            return null;
        }
        byte[] data = buffer.getData();
        int base = buffer.getOffset();
        int stride = model.getPixelStride();
        int scan = model.getScanlineStride();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int row = base + y * scan;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int p = row + x * stride;
                if (bands == 1) {
                    out[o + x] = data[p + offsets[0]];
                    continue;
                }
                if (bands == 4 && data[p + offsets[3]] == 0) {
                    out[o + x] = (byte) 0xFF; // fully transparent reads as white, as in ZXing
                    continue;
                }
                int r = data[p + offsets[0]] & 0xFF;
                int g = data[p + offsets[1]] & 0xFF;
                int b = data[p + offsets[2]] & 0xFF;
                out[o + x] = (byte) ((306 * r + 601 * g + 117 * b + 0x200) >> 10); // ZXing's weights
            }
        }
        return out;
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        int w = getWidth();
        byte[] out = row == null || row.length < w ? new byte[w] : row;
        System.arraycopy(grey, y * w, out, 0, w);
        return out;
    }

    @Override
    public byte[] getMatrix() {
        return grey;
    }

    @Override
    public boolean isRotateSupported() {
        return true;
    }

    @Override
    public LuminanceSource rotateCounterClockwise() {
        int w = getWidth();
        int h = getHeight();
        byte[] out = new byte[w * h];
        // (x, y) goes to (y, w - 1 - x) in a picture h wide and w high. In tiles, so that the column-wise
        // writes stay in cache: a plain double loop is several times slower on a 12-megapixel photo.
        for (int ty = 0; ty < h; ty += TILE) {
            int yEnd = Math.min(ty + TILE, h);
            for (int tx = 0; tx < w; tx += TILE) {
                int xEnd = Math.min(tx + TILE, w);
                for (int y = ty; y < yEnd; y++) {
                    int row = y * w;
                    for (int x = tx; x < xEnd; x++) {
                        out[(w - 1 - x) * h + y] = grey[row + x];
                    }
                }
            }
        }
        return new GreyLuminance(out, h, w);
    }
}
