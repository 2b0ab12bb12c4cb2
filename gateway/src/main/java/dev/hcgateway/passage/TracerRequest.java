package dev.hcgateway.passage;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * A parsed tracer query: who or where, the window (clipped to retention), the page. Anything malformed is a
 * 400 naming the parameter; the window must be ordered and at most {@code retentionDays} long.
 *
 * @param key      the place, the issuer, or the document hash
 * @param subject  the subject of a person query, else null
 * @param afterAt  keyset cursor: answer time of the last passage already returned (or {@code Long.MIN_VALUE})
 * @param afterId  keyset cursor: its id (or the nil id)
 */
public record TracerRequest(By by, String key, String subject, long from, long to, long afterAt, UUID afterId,
                     int limit) {

    /** What a query selects by. */
    enum By { PLACE, PERSON, DOCUMENT }

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    private static final int MAX_KEY = 256;

    /** Parses {@code GET /tracer/v1/passages} or (with {@code personOnly}) {@code /companions} parameters. */
    public static TracerRequest parse(MultiMap params, boolean personOnly, int retentionDays, long nowMillis) {
        String place = text(params, "place");
        String issuer = text(params, "issuer");
        String subject = text(params, "subject");
        String document = text(params, "document");
        By by;
        String key;
        if (issuer != null && subject != null && place == null && document == null) {
            by = By.PERSON;
            key = issuer;
        } else if (personOnly) {
            throw bad("missing_parameter", "Give \"issuer\" and \"subject\".");
        } else if (place != null && issuer == null && subject == null && document == null) {
            by = By.PLACE;
            key = place;
        } else if (document != null && place == null && issuer == null && subject == null) {
            if (!document.matches("[0-9a-f]{64}")) {
                throw bad("invalid_parameter", "\"document\" must be a 64-digit lower-case hex hash.");
            }
            by = By.DOCUMENT;
            key = document;
        } else {
            throw bad("missing_parameter", "Give exactly one of \"place\", \"issuer\" with \"subject\", or \"document\".");
        }
        long from = instant(params, "from");
        long to = instant(params, "to");
        if (from >= to) {
            throw bad("invalid_window", "\"from\" must be before \"to\".");
        }
        if (to - from > retentionDays * PassageSchema.DAY) {
            throw bad("invalid_window", "A window is at most " + retentionDays + " days long.");
        }
        from = Math.max(from, nowMillis - retentionDays * PassageSchema.DAY); // older passages are never returned
        int limit = limit(text(params, "limit"));
        long afterAt = Long.MIN_VALUE;
        UUID afterId = new UUID(0, 0);
        String cursor = text(params, "cursor");
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(" ");
                afterAt = Long.parseLong(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw bad("invalid_cursor", "\"cursor\" must be a \"next\" value of an earlier answer.");
            }
        }
        return new TracerRequest(by, key, subject, from, Math.max(to, from), afterAt, afterId, limit);
    }

    /** Returns the opaque cursor that pages on after a passage. */
    public static String cursor(long at, String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + " " + id).getBytes(StandardCharsets.US_ASCII));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad("invalid_parameter", "\"limit\" must be 1.." + MAX_LIMIT + ".");
    }

    private static long instant(MultiMap params, String name) {
        String value = text(params, name);
        if (value == null) {
            throw bad("invalid_window", "Give \"" + name + "\" as an ISO-8601 instant.");
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad("invalid_window", "\"" + name + "\" must be an ISO-8601 instant, e.g. 2026-03-01T08:00:00Z.");
        }
    }

    /** Returns a parameter given at most once and at most {@value #MAX_KEY} characters, or null; else a 400. */
    public static String text(MultiMap params, String name) {
        var values = params.getAll(name);
        if (values.size() > 1 || values.size() == 1 && (values.get(0).isEmpty() || values.get(0).length() > MAX_KEY)) {
            throw bad("invalid_parameter", "Give \"" + name + "\" once, 1.." + MAX_KEY + " characters.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    public static InvalidQuery bad(String error, String message) {
        return new InvalidQuery(error, message);
    }
}
