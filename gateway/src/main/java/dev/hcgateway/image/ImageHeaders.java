package dev.hcgateway.image;

/**
 * Reads an image's dimensions from its header alone: the PNG IHDR chunk or the JPEG SOFn segment. No pixel is
 * decoded and nothing is allocated in proportion to the declared size, so a decompression bomb (a small file
 * declaring 100,000 x 100,000 pixels) is measured, and refused, for the cost of a few comparisons.
 */
public final class ImageHeaders {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final long PNG_MAX_SIDE = 0x7FFF_FFFFL; // PNG spec: a side is at most 2^31 - 1

    private ImageHeaders() {
    }

    /** Returns the dimensions {@code body} declares as an image of the {@code declared} format. */
    public static HeaderProbe probe(byte[] body, ImageFormat declared) {
        return declared == ImageFormat.PNG ? png(body) : jpeg(body);
    }

    static HeaderProbe png(byte[] b) {
        if (!startsWith(b, PNG_SIGNATURE)) {
            return new HeaderProbe.NotImage("The body is not a PNG image (its Content-Type says image/png).");
        }
        // signature(8) + IHDR length(4) + type(4) + width(4) + height(4)
        if (b.length < 24) {
            return new HeaderProbe.Corrupt("The PNG image is cut short before its header.");
        }
        if (u32(b, 8) != 13 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return new HeaderProbe.Corrupt("The PNG image does not start with its IHDR header.");
        }
        long width = u32(b, 16);
        long height = u32(b, 20);
        if (width < 1 || height < 1 || width > PNG_MAX_SIDE || height > PNG_MAX_SIDE) {
            return new HeaderProbe.Corrupt("The PNG header declares impossible dimensions.");
        }
        return new HeaderProbe.Dimensions(ImageFormat.PNG, width, height);
    }

    static HeaderProbe jpeg(byte[] b) {
        if (b.length < 3 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8 || (b[2] & 0xFF) != 0xFF) {
            return new HeaderProbe.NotImage("The body is not a JPEG image (its Content-Type says image/jpeg).");
        }
        int i = 2;
        // Walk the marker segments up to the frame header; each step moves forward, so the walk is bounded.
        while (true) {
            if (i >= b.length || (b[i] & 0xFF) != 0xFF) {
                return i >= b.length ? cutShort() : new HeaderProbe.Corrupt("The JPEG image has a malformed marker.");
            }
            while (i < b.length && (b[i] & 0xFF) == 0xFF) {
                i++; // fill bytes
            }
            if (i >= b.length) {
                return cutShort();
            }
            int marker = b[i++] & 0xFF;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // TEM and RSTn carry no length
            }
            if (marker == 0xD8 || marker == 0xD9 || marker == 0xDA) {
                return new HeaderProbe.Corrupt("The JPEG image has no frame header before its data.");
            }
            if (i + 2 > b.length) {
                return cutShort();
            }
            int length = u16(b, i);
            if (length < 2) {
                return new HeaderProbe.Corrupt("The JPEG image has a malformed segment.");
            }
            if (isStartOfFrame(marker)) {
                // length(2) precision(1) height(2) width(2)
                if (length < 8 || i + 7 > b.length) {
                    return cutShort();
                }
                int height = u16(b, i + 3);
                int width = u16(b, i + 5);
                if (width == 0 || height == 0) {
                    // Height 0 defers to a DNL marker after the first scan: legal, rare, and unmeasurable up front.
                    return new HeaderProbe.Corrupt("The JPEG header does not declare its dimensions.");
                }
                return new HeaderProbe.Dimensions(ImageFormat.JPEG, width, height);
            }
            i += length;
        }
    }

    /** Tells whether a marker is SOF0..SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC). */
    static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static HeaderProbe cutShort() {
        return new HeaderProbe.Corrupt("The JPEG image is cut short before its frame header.");
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
