package dev.hcgateway.trust;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Reads a trust-list key's validity window: {@code notBefore} and {@code notAfter}, each optional, each an RFC 3339
 * date-time with its offset ({@code 2026-12-06T00:00:00Z}, {@code 2026-12-06T08:00:00+08:00}). A value that is not
 * such a string, or a window that ends before it begins, refuses the file: a key silently taken as unbounded would
 * keep trusting codes its issuer meant to stop.
 */
final class KeyWindows {

    /** RFC 3339: a full date and time with seconds and an offset; {@code T} and {@code Z} in either case. */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND,
                    1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z").toFormatter()
            // Strict: 24:00 or 2026-02-30 are faults in an operator's file, not instants to guess at.
            .withResolverStyle(java.time.format.ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    /** Returns the trusted key with the window {@code jwk} gives it; {@code where} names the key in errors. */
    TrustedKey key(long kid, String issuer, PublicKey key, JsonNode jwk, String where) throws TrustListException {
        Instant notBefore = instant(jwk, "notBefore", where);
        Instant notAfter = instant(jwk, "notAfter", where);
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new TrustListException(where + ": notAfter " + notAfter + " is before notBefore " + notBefore);
        }
        return new TrustedKey(kid, issuer, key, notBefore, notAfter);
    }

    /** Returns the field as an instant, null when absent or JSON null. */
    private static Instant instant(JsonNode jwk, String field, String where) throws TrustListException {
        JsonNode value = jwk.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new TrustListException(where + ": " + field + " must be an RFC 3339 date-time string such as "
                    + "\"2026-12-06T00:00:00Z\", got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String text = value.asText();
        try {
            return OffsetDateTime.parse(text, RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            throw new TrustListException(where + ": " + field + " is not an RFC 3339 date-time with an offset "
                    + "(such as \"2026-12-06T00:00:00Z\"): \"" + printable(text) + "\"");
        }
    }

    /** Returns at most 40 characters of an operator's value, control characters replaced: it goes into a log. */
    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
