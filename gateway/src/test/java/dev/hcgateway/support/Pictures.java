package dev.hcgateway.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Test pictures: QR images turned, noisy, inverted or placed in a photo-like scene; and hand-made PNG bytes. */
public final class Pictures {

    private Pictures() {
    }

    /** Returns {@code image} turned by {@code degrees} about its centre on a white canvas that holds all of it. */
    public static BufferedImage rotated(BufferedImage image, double degrees) {
        double r = Math.toRadians(degrees);
        int w = image.getWidth();
        int h = image.getHeight();
        int side = (int) Math.ceil(Math.abs(w * Math.cos(r)) + Math.abs(h * Math.sin(r))) + 2;
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.translate(side / 2.0, side / 2.0);
        g.rotate(r);
        g.drawImage(image, -w / 2, -h / 2, null);
        g.dispose();
        return out;
    }

    /** Returns a grey copy of {@code image} with Gaussian noise of standard deviation {@code sigma} added. */
    public static BufferedImage noisy(BufferedImage image, double sigma, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int grey = image.getRGB(x, y) & 0xFF;
                int v = (int) Math.round(grey + random.nextGaussian() * sigma);
                v = Math.max(0, Math.min(255, v));
                out.getRaster().setSample(x, y, 0, v);
            }
        }
        return out;
    }

    /** Returns {@code image} with dark and light swapped. */
    public static BufferedImage inverted(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(x, y, ~image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    /**
     * Returns a photo-like colour scene (gradient, shapes, sensor noise) of {@code width x height}, with {@code qr}
     * (if not null) placed at ({@code x}, {@code y}) and turned by {@code degrees}.
     */
    public static BufferedImage photo(int width, int height, BufferedImage qr, int x, int y, double degrees, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(90, 110, 140), width, height, new Color(200, 180, 150)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.setStroke(new BasicStroke(1 + random.nextInt(8)));
            int sx = random.nextInt(width);
            int sy = random.nextInt(height);
            if (i % 2 == 0) {
                g.fillOval(sx, sy, 20 + random.nextInt(width / 4), 20 + random.nextInt(height / 4));
            } else {
                g.drawLine(sx, sy, random.nextInt(width), random.nextInt(height));
            }
        }
        if (qr != null) {
            AffineTransform before = g.getTransform();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.translate(x + qr.getWidth() / 2.0, y + qr.getHeight() / 2.0);
            g.rotate(Math.toRadians(degrees));
            g.drawImage(qr, -qr.getWidth() / 2, -qr.getHeight() / 2, null);
            g.setTransform(before);
        }
        g.dispose();
        for (int i = 0; i < width * height / 8; i++) {
            int px = random.nextInt(width);
            int py = random.nextInt(height);
            int rgb = out.getRGB(px, py);
            int d = random.nextInt(41) - 20;
            out.setRGB(px, py, clamp((rgb >> 16 & 0xFF) + d) << 16 | clamp((rgb >> 8 & 0xFF) + d) << 8
                    | clamp((rgb & 0xFF) + d));
        }
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /**
     * Returns a well-formed, tiny PNG whose IHDR declares {@code width x height} 8-bit grey pixels, followed by an
     * IDAT of a few bytes: a decompression bomb's header without the bomb.
     */
    public static byte[] pngDeclaring(long width, long height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = new byte[13];
        put32(ihdr, 0, width);
        put32(ihdr, 4, height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace all 0
        chunk(out, "IHDR", ihdr);
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] idat = new byte[128];
        int n = deflater.deflate(idat);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        put32(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] crcBytes = new byte[4];
        put32(crcBytes, 0, crc.getValue());
        out.writeBytes(crcBytes);
    }

    private static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
