package dev.hcgateway.passback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns who presented a credential into a {@link PersonKey}: HMAC-SHA256 under the fleet's sighting key, truncated
 * to 16 bytes. Keyed, so that whoever reads the sightings stream in Redis cannot test a known subject against it;
 * 128 bits, so that two people of a city never share a key (collision odds ~ n^2 / 2^129).
 */
public final class PersonKeys {

    private final SecretKeySpec key;
    // Mac is not thread-safe: one per event loop (or worker) thread, made on first use.
    private final ThreadLocal<Mac> macs;

    /** Creates the hasher for a fleet-wide secret (its UTF-8 bytes key the HMAC). */
    public PersonKeys(String secret) {
        this(secret.getBytes(StandardCharsets.UTF_8));
    }

    private PersonKeys(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Returns a hasher under a random key: sightings then stay in this process (tests, no fleet). */
    public static PersonKeys random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new PersonKeys(secret);
    }

    /** Returns the key of a person named by {@link Passback#personOf}. */
    public PersonKey of(String person) {
        byte[] digest = macs.get().doFinal(person.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.wrap(digest);
        return new PersonKey(b.getLong(), b.getLong());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
