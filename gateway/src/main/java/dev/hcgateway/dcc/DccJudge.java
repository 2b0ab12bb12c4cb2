package dev.hcgateway.dcc;

import dev.hcgateway.model.DccCertificate;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.code.Es256Verifier;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Colour;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.format.SignatureAlgorithm;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.policy.DccPolicy;
import dev.hcgateway.model.Scene;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.trust.TrustStore;
import dev.hcgateway.trust.TrustedDsc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Judges a decoded DCC in memory: signer certificates by kid (every colliding one tried), signature, the
 * signer's validity and key usage, the CWT times, revocation by UVCI, then the scene's DCC rules.
 */
public final class DccJudge {

    private final TrustStore trust;
    private final Es256Verifier es256;
    private final Ps256Verifier ps256;
    private final RevocationStore revocations;
    private final long skewSeconds;
    private final DccPolicy policy = new DccPolicy();

    /** Creates the judge from the pipeline's stages. */
    public DccJudge(TrustStore trust, Es256Verifier es256, Ps256Verifier ps256, RevocationStore revocations,
                    long skewSeconds) {
        this.trust = trust;
        this.es256 = es256;
        this.ps256 = ps256;
        this.revocations = revocations;
        this.skewSeconds = skewSeconds;
    }

    /** Returns a rejection, or the verdict of the scene's rules, for this certificate at {@code now}. */
    public Validation judge(Decoded.Signed<?> signed, DccCertificate cert, Scene scene, Instant now) {
        List<TrustedDsc> candidates = trust.current().findDscs(signed.kid());
        if (candidates.isEmpty()) {
            return new Rejection(Reason.UNKNOWN_KEY);
        }
        TrustedDsc signer = null;
        for (TrustedDsc dsc : candidates) {
            if (dsc.algorithm() == signed.algorithm() && verifies(dsc, signed)) {
                signer = dsc;
                break;
            }
        }
        if (signer == null) {
            return new Rejection(Reason.BAD_SIGNATURE);
        }
        long t = now.getEpochSecond();
        if (signer.notAfter().isBefore(now) || signer.notBefore().getEpochSecond() > cert.issuedAt()) {
            return new Rejection(Reason.KEY_EXPIRED);
        }
        if (!signer.allows(cert.type())) {
            return new Rejection(Reason.UNSUITABLE_KEY);
        }
        if (t > cert.expiresAt() + skewSeconds) {
            return new Rejection(Reason.EXPIRED);
        }
        if (cert.issuedAt() > t + skewSeconds) {
            return new Rejection(Reason.NOT_YET_VALID);
        }
        String country = cert.country() != null ? cert.country() : signer.country();
        if (revocations.isRevoked(revocationView(cert, country))) {
            return new Rejection(Reason.REVOKED);
        }
        return policy.decide(scene, cert, country, now);
    }

    private boolean verifies(TrustedDsc dsc, Decoded.Signed<?> signed) {
        return dsc.algorithm() == SignatureAlgorithm.ES256
                ? es256.verify(dsc.key(), signed.toBeSigned(), signed.signature())
                : ps256.verify(dsc.key(), signed.toBeSigned(), signed.signature());
    }

    /**
     * Returns the certificate as the revocation store reads codes: issuer = country, subject = UVCI, code id =
     * the first 16 bytes of SHA-256 over the UVCI. The colour is a placeholder the store never reads.
     */
    static HealthCode revocationView(DccCertificate cert, String country) {
        return new HealthCode(country, cert.uvci(), cert.issuedAt(), cert.expiresAt(), codeId(cert.uvci()),
                Colour.UNKNOWN, cert.issuedAt(), CodeKind.INTERNATIONAL, null, false);
    }

    /** Returns the code id under which a DCC can be revoked by id: SHA-256 of its UVCI, first 16 bytes. */
    public static byte[] codeId(String uvci) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uvci.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
