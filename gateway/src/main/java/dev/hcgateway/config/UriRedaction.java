package dev.hcgateway.config;

/**
 * Makes a configured URI fit for an error message: the user-info (credentials) and the query and fragment
 * (where tokens hide) become {@code ***}; scheme, host, port and path stay, so the operator still sees what was
 * wrong. Works on text that does not parse as a URI too, since that is exactly what gets rejected.
 */
final class UriRedaction {

    private static final String HIDDEN = "***";

    private UriRedaction() {
    }

    /** Returns {@code raw} with user-info, query and fragment replaced by {@code ***}; null stays null. */
    static String redact(String raw) {
        if (raw == null) {
            return null;
        }
        String rest = raw;
        String tail = "";
        int query = indexOfAny(rest, "?#", 0);
        if (query >= 0) {
            tail = rest.charAt(query) + HIDDEN;
            rest = rest.substring(0, query);
        }
        int scheme = rest.indexOf("://");
        int authorityStart = scheme >= 0 ? scheme + 3 : 0;
        int authorityEnd = indexOfAny(rest, "/\\", authorityStart);
        String authority = rest.substring(authorityStart, authorityEnd < 0 ? rest.length() : authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            // Everything up to the last '@' may be a password, '@' and ':' included.
            rest = rest.substring(0, authorityStart) + HIDDEN + authority.substring(at)
                    + (authorityEnd < 0 ? "" : rest.substring(authorityEnd));
        }
        return rest + tail;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
