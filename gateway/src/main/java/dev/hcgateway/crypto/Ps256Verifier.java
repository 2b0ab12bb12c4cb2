package dev.hcgateway.crypto;

import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Verifies PS256 signatures (RSASSA-PSS, SHA-256, MGF1-SHA-256, 32-byte salt) with one provider, each thread with
 * its own {@code Signature}. A provider without RSASSA-PSS falls back to the JDK's SunRsaSign.
 */
public final class Ps256Verifier {

    private static final String PSS = "RSASSA-PSS";
    private static final PSSParameterSpec PARAMETERS = new PSSParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    private final Provider provider;
    private final ThreadSignatures signatures;

    /** Creates a verifier on {@code preferred} when it has RSASSA-PSS, else on SunRsaSign. */
    public Ps256Verifier(Provider preferred) {
        this.provider = ThreadSignatures.supports(preferred, PSS) ? preferred : Security.getProvider("SunRsaSign");
        this.signatures = new ThreadSignatures(PSS, provider, PARAMETERS);
    }

    /** Returns the provider in use. */
    public Provider provider() {
        return provider;
    }

    /** Tells whether {@code signature} is a valid PS256 signature of {@code data} by the RSA {@code key}. */
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        return signatures.verify(key, data, signature);
    }
}
