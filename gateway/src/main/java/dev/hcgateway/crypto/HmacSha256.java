package dev.hcgateway.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one secret, thread-safe: one {@link Mac} per thread (a Mac is not), made on first use. */
public final class HmacSha256 {

    private final ThreadLocal<Mac> macs;

    /** Creates the keyed hash; {@code secret} is copied. */
    public HmacSha256(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** Returns the 32-byte HMAC of {@code input}. */
    public byte[] of(byte[] input) {
        return macs.get().doFinal(input);
    }
}
