package dev.hcgateway.authority;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header (delta-seconds or HTTP-date) into a bounded back-off. */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Returns the back-off in milliseconds: the header's, capped at {@code maxMillis}; the default when the header
     * is missing, unreadable or in the past (a store asking to retry at once still gets a pause).
     */
    static long millis(String header, long nowMillis, long defaultMillis, long maxMillis) {
        long asked = parse(header, nowMillis);
        if (asked <= 0) {
            return Math.min(defaultMillis, maxMillis);
        }
        return Math.min(asked, maxMillis);
    }

    private static long parse(String header, long nowMillis) {
        if (header == null || header.isBlank() || header.length() > 64) {
            return -1;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? Long.MAX_VALUE : Long.parseLong(value) * 1000L;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                    - nowMillis;
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
