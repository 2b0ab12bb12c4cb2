package dev.hcgateway.tracer;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Reads a tracer request's query parameters: each at most once and bounded, the case, instants, the limit, the keyset
 * cursor. Anything malformed throws the 400 naming the parameter, before any store is asked.
 */
final class Params {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    static final long DAY = 86_400_000L;
    private static final int MAX_TEXT = 256;
    private static final int MAX_CASE = 64;

    private final MultiMap params;

    Params(MultiMap params) {
        this.params = params;
    }

    /** Returns the case the request names: 1..64 printable characters, else {@code 400 case_required}. */
    String caseId() {
        return caseOf(params.getAll("case").size() == 1 ? params.get("case") : null);
    }

    /** Returns a case given as a value (a body field), or throws {@code 400 case_required}. */
    static String caseOf(Object value) {
        if (value instanceof String c && printable(c, MAX_CASE)) {
            return c;
        }
        throw Refusal.CASE_REQUIRED.exception();
    }

    /** Returns a parameter given at most once and at most 256 characters, or null; else a 400. */
    String text(String name) {
        var values = params.getAll(name);
        if (values.size() > 1 || values.size() == 1 && (values.get(0).isEmpty() || values.get(0).length() > MAX_TEXT)) {
            throw bad("invalid_parameter", "Give \"" + name + "\" once, 1.." + MAX_TEXT + " characters.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Returns a required ISO-8601 instant as epoch milliseconds; else {@code 400 invalid_window}. */
    long instant(String name) {
        String value = text(name);
        if (value == null) {
            throw bad("invalid_window", "Give \"" + name + "\" as an ISO-8601 instant.");
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad("invalid_window", "\"" + name + "\" must be an ISO-8601 instant, e.g. 2026-03-01T08:00:00Z.");
        }
    }

    /** Returns {@code [from, to)} checked: ordered and at most {@code maxDays} long. */
    long[] window(int maxDays) {
        long from = instant("from");
        long to = instant("to");
        if (from >= to) {
            throw bad("invalid_window", "\"from\" must be before \"to\".");
        }
        if (to - from > maxDays * DAY) {
            throw bad("invalid_window", "A window is at most " + maxDays + " days long.");
        }
        return new long[]{from, to};
    }

    /** Returns {@code limit}: 1..1000, default 100. */
    int limit() {
        String value = text("limit");
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

    /** Returns the cursor's two parts (time and id, as text), or null without a cursor. */
    String[] cursor() {
        String cursor = text("cursor");
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(" ");
            Long.parseLong(parts[0]);
            if (parts.length == 2) {
                return parts;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw bad("invalid_cursor", "\"cursor\" must be a \"next\" value of an earlier answer.");
    }

    /** Returns the opaque cursor that pages on after a row: its time and id. */
    static String cursor(long at, Object id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + " " + id)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Returns the 400 of a malformed parameter, to throw. */
    static Refusal.Refused bad(String error, String message) {
        return Refusal.badRequest(error, message).exception();
    }

    /** Tells whether a text is 1..max characters, not blank, with no control, format or separator-line character. */
    static boolean printable(String text, int max) {
        int length = text.codePointCount(0, text.length());
        return length >= 1 && length <= max && !text.isBlank() && text.codePoints().noneMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        });
    }
}
