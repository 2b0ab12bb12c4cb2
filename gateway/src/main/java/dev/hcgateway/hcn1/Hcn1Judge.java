package dev.hcgateway.hcn1;

import dev.hcgateway.crypto.Es256Verifier;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.format.FormatJudge;
import dev.hcgateway.format.Judging;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.model.Validation.Valid;
import dev.hcgateway.trust.TrustedKey;

/**
 * Judges a decoded HCN1 code in memory, in the order of the health-code spec, section 3: the key by kid, the key's
 * issuer against {@code iss}, the scene's issuers, the ES256 signature, the key's window against {@code iat}
 * ({@link #checkSignature}); then, on every
 * scan whether its signature was verified now or earlier, the time rules, grey and revocation
 * ({@link #afterSignature}). A valid code goes on to the colour stage. Pure but for the revocation look-up.
 */
public final class Hcn1Judge implements FormatJudge<HealthCode> {

    /** An international code past its validity: grey, as the international version turned (spec additions). */
    private static final Rejection GREY = new Rejection(Reason.EXPIRED, Colour.GREY);

    private final Es256Verifier verifier;
    private final TimeRules time;

    /** Creates the judge over this verifier and these time rules. */
    public Hcn1Judge(Es256Verifier verifier, TimeRules time) {
        this.verifier = java.util.Objects.requireNonNull(verifier, "verifier");
        this.time = java.util.Objects.requireNonNull(time, "time");
    }

    @Override
    public Validation judge(Decoded.Signed<HealthCode> signed, Judging judging) {
        Rejection refused = checkSignature(signed, judging);
        return refused != null ? refused : afterSignature(signed.claims(), judging);
    }

    /**
     * Returns why the code's key or signature is refused, or null when a key of its issuer signed it within the
     * key's window. What this accepts is fixed by the text and the trust list alone, so the verified-code memo may
     * remember it under that list.
     */
    public Rejection checkSignature(Decoded.Signed<HealthCode> signed, Judging judging) {
        HealthCode code = signed.claims();
        TrustedKey key = judging.trust().find(signed.kid());
        if (key == null) {
            return Rejection.of(Reason.UNKNOWN_KEY);
        }
        if (!key.issuer().equals(code.issuer())) {
            return Rejection.of(Reason.ISSUER_MISMATCH);
        }
        if (!judging.scene().accepts(code.issuer())) {
            return Rejection.of(Reason.ISSUER_NOT_ACCEPTED);
        }
        if (!verifier.verify(key.key(), signed.toBeSigned(), signed.signature())) {
            return Rejection.of(Reason.BAD_SIGNATURE);
        }
        // After the signature, because iat is a signed claim: before it, it is whatever the sender wrote. Judged on
        // iat, not the scan's instant, so codes issued before a rotation live out their own validity.
        if (!key.covers(code.issuedAt())) {
            return Rejection.of(Reason.KEY_EXPIRED);
        }
        return null;
    }

    /**
     * Judges a code whose signature verified earlier under the same trust list (the verified-code cache): the key's
     * match with its issuer held then, the scene's issuers are checked now, then the rules after the signature.
     */
    public Validation judgeVerified(HealthCode code, Judging judging) {
        return judging.scene().accepts(code.issuer()) ? afterSignature(code, judging)
                : Rejection.of(Reason.ISSUER_NOT_ACCEPTED);
    }

    /** Runs the steps after the signature (time, grey, revocation), on every scan, cached or not. */
    public Validation afterSignature(HealthCode code, Judging judging) {
        Reason late = time.check(code, judging.at().getEpochSecond(), judging.scene().maxCodeAgeSeconds());
        if (late == Reason.EXPIRED && code.kind() == CodeKind.INTERNATIONAL) {
            return GREY;
        }
        if (late != null) {
            return Rejection.of(late);
        }
        if (judging.revocations().isRevoked(code)) {
            return Rejection.of(Reason.REVOKED);
        }
        // The answer's expiresAt is the instant this gateway stops accepting the code, not a later signed exp.
        return new Valid(code.validUntil(time.validUntil(code)));
    }
}
