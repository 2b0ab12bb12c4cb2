package dev.hcgateway.dcc;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Verifies PS256 signatures (RSASSA-PSS, SHA-256, MGF1-SHA-256, 32-byte salt) with one provider, keeping one
 * {@link Signature} per thread as {@code Es256Verifier} does. A provider without RSASSA-PSS falls back to the
 * JDK's SunRsaSign.
 */
public final class Ps256Verifier {

    private static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            32, PSSParameterSpec.TRAILER_FIELD_BC);

    private final Provider provider;
    private final ThreadLocal<Bound> signatures;

    /** A thread's {@link Signature} and the key it was last initialised with (null: must initialise). */
    private static final class Bound {
        final Signature signature;
        PublicKey key;

        Bound(Signature signature) {
            this.signature = signature;
        }
    }

    /** Creates a verifier on {@code preferred} when it has RSASSA-PSS, else on SunRsaSign. */
    public Ps256Verifier(Provider preferred) {
        this.provider = supports(preferred) ? preferred : Security.getProvider("SunRsaSign");
        this.signatures = ThreadLocal.withInitial(() -> {
            try {
                return new Bound(Signature.getInstance("RSASSA-PSS", provider));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("RSASSA-PSS missing from " + provider.getName(), e);
            }
        });
        signatures.get();
    }

    /** Returns the provider in use. */
    public Provider provider() {
        return provider;
    }

    /** Tells whether {@code signature} is a valid PS256 signature of {@code data} by the RSA {@code key}. */
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        Bound bound = signatures.get();
        Signature s = bound.signature;
        try {
            if (bound.key != key) {
                bound.key = null;
                s.initVerify(key);
                s.setParameter(PSS);
                bound.key = key;
            }
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            bound.key = null; // the object's state after a failure is the provider's business: start afresh
            return false;
        }
    }

    private static boolean supports(Provider provider) {
        try {
            Signature.getInstance("RSASSA-PSS", provider);
            return true;
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            return false;
        }
    }
}
