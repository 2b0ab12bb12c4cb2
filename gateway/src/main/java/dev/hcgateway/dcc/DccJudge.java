package dev.hcgateway.dcc;

import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.format.FormatJudge;
import dev.hcgateway.format.Judging;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.DccCertificate;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.policy.DccPolicy;
import dev.hcgateway.trust.TrustedDsc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Judges a decoded DCC in memory: signer certificates by kid (every colliding one tried), signature, the
 * signer's validity and key usage, the CWT times, revocation by UVCI, then the scene's DCC rules, every time rule
 * as of {@link Judging#at()}. A DCC has no colour stage: a valid one is decided whole here.
 */
public final class DccJudge implements FormatJudge<DccCertificate> {

    private final SignatureVerifiers verifiers;
    private final long skewSeconds;
    private final DccPolicy policy = new DccPolicy();

    /** Creates the judge over these verifiers, with this clock skew allowed on {@code exp} and {@code iat}. */
    public DccJudge(SignatureVerifiers verifiers, long skewSeconds) {
        this.verifiers = verifiers;
        this.skewSeconds = skewSeconds;
    }

    @Override
    public Validation judge(Decoded.Signed<DccCertificate> signed, Judging judging) {
        DccCertificate cert = signed.claims();
        List<TrustedDsc> candidates = judging.trust().findDscs(signed.kid());
        if (candidates.isEmpty()) {
            return Rejection.of(Reason.UNKNOWN_KEY);
        }
        TrustedDsc signer = null;
        for (TrustedDsc dsc : candidates) {
            if (dsc.algorithm() == signed.algorithm()
                    && verifiers.verify(dsc.algorithm(), dsc.key(), signed.toBeSigned(), signed.signature())) {
                signer = dsc;
                break;
            }
        }
        if (signer == null) {
            return Rejection.of(Reason.BAD_SIGNATURE);
        }
        Instant at = judging.at();
        long t = at.getEpochSecond();
        if (signer.notAfter().isBefore(at) || signer.notBefore().getEpochSecond() > cert.issuedAt()) {
            return Rejection.of(Reason.KEY_EXPIRED);
        }
        if (!signer.allows(cert.type())) {
            return Rejection.of(Reason.UNSUITABLE_KEY);
        }
        if (t > cert.expiresAt() + skewSeconds) {
            return Rejection.of(Reason.EXPIRED);
        }
        if (cert.issuedAt() > t + skewSeconds) {
            return Rejection.of(Reason.NOT_YET_VALID);
        }
        String country = cert.country() != null ? cert.country() : signer.country();
        if (judging.revocations().isRevoked(revocationView(cert, country))) {
            return Rejection.of(Reason.REVOKED);
        }
        return policy.decide(judging.scene(), cert, country, at);
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
