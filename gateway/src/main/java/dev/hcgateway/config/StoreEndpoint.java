package dev.hcgateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One authoritative store as the gateway reaches it: its base URL (without a trailing slash) and the bearer token
 * sent to it, or null for none.
 */
public record StoreEndpoint(String url, String token) {

    public StoreEndpoint {
        Objects.requireNonNull(url, "url");
    }

    /** Returns the URL without its trailing slash; refuses anything but {@code http(s)://host[:port][/path]}. */
    static String checkUrl(String key, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new ConfigException(key + ": must be http(s)://host[:port][/path] without query, "
                        + "fragment or credentials, got \"" + UriRedaction.redact(url) + "\"");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(key + ": not a URL: \"" + UriRedaction.redact(url) + "\"");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Returns the token, refusing anything but printable ASCII without spaces (it could split or forge headers). */
    static String checkToken(String key, String token) {
        if (token != null && !token.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new ConfigException(key + ": must be printable ASCII without spaces");
        }
        return token;
    }

    @Override
    public String toString() {
        return "StoreEndpoint[url=" + url + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
