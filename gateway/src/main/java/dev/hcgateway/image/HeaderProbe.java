package dev.hcgateway.image;

import java.util.Objects;

/** What an image's header says before any pixel is decoded: its dimensions, or why there are none. */
public sealed interface HeaderProbe permits HeaderProbe.Dimensions, HeaderProbe.NotImage, HeaderProbe.Corrupt {

    /** The width and height the header declares (both at least 1). */
    record Dimensions(ImageFormat format, long width, long height) implements HeaderProbe {
        public Dimensions {
            Objects.requireNonNull(format, "format");
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("dimensions must be positive");
            }
        }

        /** Returns width x height. */
        public long pixels() {
            return width * height;
        }
    }

    /** The body does not start with the signature of the declared format. */
    record NotImage(String message) implements HeaderProbe {
        public NotImage {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The body starts like the format but its header is cut short or malformed. */
    record Corrupt(String message) implements HeaderProbe {
        public Corrupt {
            Objects.requireNonNull(message, "message");
        }
    }
}
