package dev.hcgateway.crypto;

import java.security.PublicKey;

/**
 * Verifies ES256 signatures (P1363 {@code r || s}) with one provider, in its P1363 form when it has one (no DER
 * conversion per verify), each thread with its own {@code Signature}.
 */
public final class Es256Verifier {

    private static final String P1363 = "SHA256withECDSAinP1363Format";

    private final CryptoProvider provider;
    private final boolean p1363;
    private final ThreadSignatures signatures;

    /** Creates a verifier on the given provider, using its P1363 form when it has one, else DER. */
    public Es256Verifier(CryptoProvider provider) {
        this.provider = provider;
        this.p1363 = ThreadSignatures.supports(provider.provider(), P1363);
        this.signatures = new ThreadSignatures(p1363 ? P1363 : "SHA256withECDSA", provider.provider(), null);
    }

    /** Returns the provider in use. */
    public CryptoProvider provider() {
        return provider;
    }

    /** Tells whether {@code signature} (64 bytes, r || s) is a valid ES256 signature of {@code data} by {@code key}. */
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        return signature.length == 64 && signatures.verify(key, data, p1363 ? signature : Der.fromP1363(signature));
    }
}
