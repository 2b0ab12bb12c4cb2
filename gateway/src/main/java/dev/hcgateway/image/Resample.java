package dev.hcgateway.image;

import com.google.zxing.LuminanceSource;

/** Resamples a luminance for the {@link Strategy#DOWNSCALED} and {@link Strategy#UPSCALED} strategies. */
final class Resample {

    /** Longest side of a downscaled picture. */
    static final int MAX_SIDE = 1024;

    private Resample() {
    }

    /**
     * Box-averages the luminance by an integer factor of at least 2, more when needed to bring the longest side
     * to at most {@link #MAX_SIDE}.
     */
    static LuminanceSource downscale(LuminanceSource source) {
        int w = source.getWidth();
        int h = source.getHeight();
        int f = Math.max(2, (Math.max(w, h) + MAX_SIDE - 1) / MAX_SIDE);
        int sw = w / f;
        int sh = h / f;
        byte[] in = source.getMatrix();
        byte[] out = new byte[sw * sh];
        int area = f * f;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int sum = 0;
                for (int dy = 0; dy < f; dy++) {
                    int row = (y * f + dy) * w + x * f;
                    for (int dx = 0; dx < f; dx++) {
                        sum += in[row + dx] & 0xFF;
                    }
                }
                out[y * sw + x] = (byte) (sum / area);
            }
        }
        return new GreyLuminance(out, sw, sh);
    }

    /** Doubles the luminance by nearest neighbour: a module of one pixel becomes two, enough for the detector. */
    static LuminanceSource upscale(LuminanceSource source) {
        int w = source.getWidth();
        int h = source.getHeight();
        byte[] in = source.getMatrix();
        byte[] out = new byte[4 * w * h];
        for (int y = 0; y < 2 * h; y++) {
            int from = (y / 2) * w;
            int to = y * 2 * w;
            for (int x = 0; x < 2 * w; x++) {
                out[to + x] = in[from + x / 2];
            }
        }
        return new GreyLuminance(out, 2 * w, 2 * h);
    }
}
