package dev.hcgateway.dcc;

import dev.hcgateway.model.DccCertificate;
import dev.hcgateway.model.CertificateType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the CWT claims of a DCC (1 iss, 4 exp, 6 iat, -260 hcert) and the one entry of its certificate map.
 * Returns null for anything that is not a claims map of that shape: the caller answers {@code malformed}.
 */
final class DccClaims {

    private static final int MAX_TEXT = 128;
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private DccClaims() {
    }

    /** Returns the certificate of a claims map, or null. */
    static DccCertificate read(JsonNode claims) {
        if (claims == null || !claims.isObject()) {
            return null;
        }
        JsonNode iss = claims.get("1");
        JsonNode hcert = claims.path("-260").get("1");
        long exp = seconds(claims.get("4"));
        long iat = seconds(claims.get("6"));
        if ((iss != null && text(iss) == null) || exp < 0 || iat < 0 || hcert == null || !hcert.isObject()) {
            return null;
        }
        CertificateType type = null;
        JsonNode entry = null;
        for (CertificateType t : CertificateType.values()) {
            JsonNode group = hcert.get(t.group());
            if (group != null && !group.isNull()) { // some issuers write the absent groups as null
                if (type != null || !group.isArray() || group.size() != 1 || !group.get(0).isObject()) {
                    return null; // exactly one of v, t, r with exactly one entry
                }
                type = t;
                entry = group.get(0);
            }
        }
        if (type == null) {
            return null;
        }
        String country = iss == null ? null : text(iss);
        String uvci = text(entry.get("ci"));
        if (uvci == null) {
            return null;
        }
        try {
            return switch (type) {
                case VACCINATION -> {
                    int dn = count(entry.get("dn"));
                    int sd = count(entry.get("sd"));
                    LocalDate dt = date(entry.get("dt"));
                    yield dn < 0 || sd < 0 || dt == null ? null
                            : new DccCertificate(country, iat, exp, type, uvci, dn, sd, dt, null, null, null);
                }
                case TEST -> {
                    Instant sc = instant(entry.get("sc"));
                    // An empty result is a result that is not "not detected" (test_positive), not a malformed code.
                    String tr = entry.path("tr").isTextual() ? entry.get("tr").asText() : null;
                    yield sc == null || tr == null ? null
                            : new DccCertificate(country, iat, exp, type, uvci, 0, 0, null, null, sc, tr);
                }
                case RECOVERY -> {
                    LocalDate df = date(entry.get("df"));
                    LocalDate du = date(entry.get("du"));
                    yield df == null || du == null ? null
                            : new DccCertificate(country, iat, exp, type, uvci, 0, 0, df, du, null, null);
                }
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Returns a non-negative integral time (some issuers write it as a float), or -1. */
    private static long seconds(JsonNode n) {
        if (n == null || !n.isNumber() || !n.canConvertToLong()) {
            return -1;
        }
        long v = n.asLong();
        return v >= 0 ? v : -1;
    }

    private static int count(JsonNode n) {
        return n != null && n.isIntegralNumber() && n.canConvertToInt() && n.asInt() >= 0 ? n.asInt() : -1;
    }

    /** Returns printable text of at most 128 characters, or null. */
    private static String text(JsonNode n) {
        if (n == null || !n.isTextual() || n.asText().isEmpty() || n.asText().length() > MAX_TEXT) {
            return null;
        }
        String s = n.asText();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7F) {
                return null;
            }
        }
        return s;
    }

    /** Reads a date; a date-time is cut to its date (some issuers write one). */
    private static LocalDate date(JsonNode n) {
        String s = text(n);
        return s == null || s.length() < 10 ? null : LocalDate.parse(s.substring(0, 10));
    }

    /** Reads a date-time; without an offset it is taken as UTC. */
    private static Instant instant(JsonNode n) {
        String s = text(n);
        if (s == null) {
            return null;
        }
        TemporalAccessor t = DATE_TIME.parseBest(s, OffsetDateTime::from, java.time.LocalDateTime::from);
        return t instanceof OffsetDateTime o ? o.toInstant()
                : ((java.time.LocalDateTime) t).toInstant(ZoneOffset.UTC);
    }
}
