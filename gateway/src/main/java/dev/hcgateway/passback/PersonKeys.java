package dev.hcgateway.passback;

import dev.hcgateway.crypto.HmacSha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Turns who presented a credential into a {@link PersonKey}: HMAC-SHA256 under the fleet's sighting key, truncated
 * to 16 bytes. Keyed, so that whoever reads the sightings stream in Redis cannot test a known subject against it;
 * 128 bits, so that two people of a city never share a key (collision odds ~ n^2 / 2^129).
 */
public final class PersonKeys {

    private final HmacSha256 mac;

    /** Creates the hasher for a fleet-wide secret (its UTF-8 bytes key the HMAC). */
    public PersonKeys(String secret) {
        this(secret.getBytes(StandardCharsets.UTF_8));
    }

    private PersonKeys(byte[] secret) {
        this.mac = new HmacSha256(secret);
    }

    /** Returns a hasher under a random key: sightings then stay in this process (tests, no fleet). */
    public static PersonKeys random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new PersonKeys(secret);
    }

    /** Returns the key of a person named by {@link Passback#personOf}. */
    public PersonKey of(String person) {
        byte[] digest = mac.of(person.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.wrap(digest);
        return new PersonKey(b.getLong(), b.getLong());
    }
}
