package dev.hcgateway.cli;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Typed option values: a malformed one is a usage error (exit 2) naming the option, before any work. */
final class Converters {

    private Converters() {
    }

    /** A signed colour: green, yellow, orange or red. */
    static final class ColourValue implements ITypeConverter<Colour> {
        @Override
        public Colour convert(String value) {
            Colour c = Colour.ofWire(value.toLowerCase(Locale.ROOT));
            if (c == null || c == Colour.UNKNOWN) {
                throw new TypeConversionException("'" + value + "' is not green, yellow, orange or red");
            }
            return c;
        }
    }

    /** A code kind: personal, proxy, paper or international. */
    static final class KindValue implements ITypeConverter<CodeKind> {
        @Override
        public CodeKind convert(String value) {
            for (CodeKind k : CodeKind.values()) {
                if (k.wire().equalsIgnoreCase(value)) {
                    return k;
                }
            }
            throw new TypeConversionException("'" + value + "' is not personal, proxy, paper or international");
        }
    }

    /** A code id: the hex of a cti (8..16 bytes), as {@code inspect} prints it; returned lower-case. */
    static final class CodeIdValue implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String hex = value.trim().toLowerCase(Locale.ROOT);
            try {
                int bytes = HexFormat.of().parseHex(hex).length;
                if (bytes >= 8 && bytes <= 16) {
                    return hex;
                }
            } catch (IllegalArgumentException e) {
                // not hex: reported below
            }
            throw new TypeConversionException("'" + value + "' is not a code id: 16..32 hex digits (inspect prints it)");
        }
    }

    /** A moment: epoch seconds or ISO-8601 ({@code 2026-01-31T08:00:00Z}); returned as epoch seconds. */
    static final class EpochValue implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return value.chars().allMatch(Character::isDigit) ? Long.parseLong(value)
                        : Instant.parse(value).getEpochSecond();
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is neither epoch seconds nor ISO-8601 like "
                        + "2026-01-31T08:00:00Z");
            }
        }
    }

    /** A non-blank text: an empty {@code --token ""} is refused instead of sent. */
    static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("must not be empty");
            }
            return value;
        }
    }
}
