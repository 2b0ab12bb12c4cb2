package dev.hcgateway.passback;

import java.util.HexFormat;

/**
 * A person as passback knows them: the first 16 bytes of a keyed hash (HMAC-SHA256) of their issuer and subject,
 * or of their document hash, under the fleet's sighting key. Two longs, no string: 32 bytes on the heap, and the
 * same value on every gateway of the fleet, so that local and remote sightings meet in one map.
 */
public record PersonKey(long high, long low) {

    /** Returns the 32 lower-case hex digits published in a sighting. */
    public String hex() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    /** Parses 32 hex digits; returns null for anything else. */
    public static PersonKey parse(String hex) {
        if (hex == null || hex.length() != 32) {
            return null;
        }
        try {
            return new PersonKey(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
