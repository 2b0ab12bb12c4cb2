package dev.hcgateway.crypto;

import java.security.PublicKey;

/** The verifiers of every algorithm the gateway accepts, on one provider (PS256 where it has RSASSA-PSS). */
public final class SignatureVerifiers {

    private final Es256Verifier es256;
    private final Ps256Verifier ps256;

    /** Creates the verifiers on {@code provider}; loading them touches native code, so not on an event loop. */
    public SignatureVerifiers(CryptoProvider provider) {
        this.es256 = new Es256Verifier(provider);
        this.ps256 = new Ps256Verifier(provider.provider());
    }

    /** Returns the provider the ES256 verifier (and trust list keys) use. */
    public CryptoProvider provider() {
        return es256.provider();
    }

    /** Returns the ES256 verifier. */
    public Es256Verifier es256() {
        return es256;
    }

    /** Tells whether {@code signature} is a valid {@code algorithm} signature of {@code data} by {@code key}. */
    public boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return switch (algorithm) {
            case ES256 -> es256.verify(key, data, signature);
            case PS256 -> ps256.verify(key, data, signature);
        };
    }
}
