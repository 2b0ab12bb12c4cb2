package dev.hcgateway.code;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Verifies ES256 signatures (P1363 {@code r || s}) with one provider. {@link Signature} objects are not
 * thread-safe and are costly to look up, so each thread keeps its own and reuses it for every verify.
 */
public final class Es256Verifier {

    private final CryptoProvider provider;
    private final boolean p1363;
    private final ThreadLocal<Bound> signatures;

    /** A thread's {@link Signature} and the key it was last initialised with (null: must initialise). */
    private static final class Bound {
        final Signature signature;
        PublicKey key;

        Bound(Signature signature) {
            this.signature = signature;
        }
    }

    /** Creates a verifier on the given provider, using its P1363 form when it has one, else DER. */
    public Es256Verifier(CryptoProvider provider) {
        this.provider = provider;
        this.p1363 = supports(provider, "SHA256withECDSAinP1363Format");
        String algorithm = p1363 ? "SHA256withECDSAinP1363Format" : "SHA256withECDSA";
        this.signatures = ThreadLocal.withInitial(() -> {
            try {
                return new Bound(Signature.getInstance(algorithm, provider.provider()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " missing from " + provider.name(), e);
            }
        });
        signatures.get();
    }

    /** Returns the provider in use. */
    public CryptoProvider provider() {
        return provider;
    }

    /** Tells whether {@code signature} (64 bytes, r || s) is a valid ES256 signature of {@code data} by {@code key}. */
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        Bound bound = signatures.get();
        Signature s = bound.signature;
        try {
            // verify() leaves the object initialised for the same key (JCA contract), so a thread that sees the
            // same issuer key again and again (the usual case) skips initVerify, as a plain verify loop does.
            if (bound.key != key) {
                bound.key = null;
                s.initVerify(key);
                bound.key = key;
            }
            s.update(data);
            return s.verify(p1363 ? signature : Der.fromP1363(signature));
        } catch (GeneralSecurityException | RuntimeException e) {
            bound.key = null; // the object's state after a failure is the provider's business: start afresh
            return false;
        }
    }

    private static boolean supports(CryptoProvider provider, String algorithm) {
        try {
            Signature.getInstance(algorithm, provider.provider());
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }
}
