package dev.hcgateway.image;

import java.util.Locale;

/** The image formats {@code POST /v1/verify/image} takes, by media type and ImageIO format name. */
public enum ImageFormat {
    PNG("image/png", "png"), JPEG("image/jpeg", "jpeg");

    private final String mediaType;
    private final String ioName;

    ImageFormat(String mediaType, String ioName) {
        this.mediaType = mediaType;
        this.ioName = ioName;
    }

    /** Returns the media type, e.g. {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    /** Returns the ImageIO format name of the reader. */
    String ioName() {
        return ioName;
    }

    /** Returns the format a {@code Content-Type} header names (parameters ignored), or null for any other. */
    public static ImageFormat ofContentType(String header) {
        if (header == null) {
            return null;
        }
        int semicolon = header.indexOf(';');
        String type = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.mediaType.equals(type)) {
                return f;
            }
        }
        return null;
    }
}
