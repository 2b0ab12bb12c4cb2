package dev.hcgateway.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;

/**
 * One {@link Signature} per thread for one algorithm of one provider: a {@code Signature} is not thread-safe and
 * costly to look up, so each thread keeps its own, and re-initialises it only when the key changes.
 */
final class ThreadSignatures {

    private final ThreadLocal<Bound> signatures;
    private final AlgorithmParameterSpec parameters;

    /** A thread's {@link Signature} and the key it was last initialised with (null: must initialise). */
    private static final class Bound {
        final Signature signature;
        PublicKey key;

        Bound(Signature signature) {
            this.signature = signature;
        }
    }

    /** Creates the holder, and this thread's {@code Signature} (so a missing algorithm fails here, not on a scan). */
    ThreadSignatures(String algorithm, Provider provider, AlgorithmParameterSpec parameters) {
        this.parameters = parameters;
        this.signatures = ThreadLocal.withInitial(() -> {
            try {
                return new Bound(Signature.getInstance(algorithm, provider));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " missing from " + provider.getName(), e);
            }
        });
        signatures.get();
    }

    /** Tells whether {@code signature} (in the algorithm's own encoding) signs {@code data} under {@code key}. */
    boolean verify(PublicKey key, byte[] data, byte[] signature) {
        Bound bound = signatures.get();
        Signature s = bound.signature;
        try {
            // verify() leaves the object initialised for the same key (JCA contract), so a thread that sees the
            // same issuer key again and again (the usual case) skips initVerify, as a plain verify loop does.
            if (bound.key != key) {
                bound.key = null;
                s.initVerify(key);
                if (parameters != null) {
                    s.setParameter(parameters);
                }
                bound.key = key;
            }
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            bound.key = null; // the object's state after a failure is the provider's business: start afresh
            return false;
        }
    }

    /** Tells whether the provider offers the algorithm. */
    static boolean supports(Provider provider, String algorithm) {
        try {
            Signature.getInstance(algorithm, provider);
            return true;
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            return false;
        }
    }
}
