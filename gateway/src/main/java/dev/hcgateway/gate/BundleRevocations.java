package dev.hcgateway.gate;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.model.SubjectKey;
import java.util.Objects;

/**
 * The revocations a gate downloaded, asked by the same judge as the gateway's mirror: {@link #isRevoked} answers
 * the exact sets (deny / revoked), {@link #possiblyRevoked} a filter hit, which the gate's verifier turns into
 * manual / possibly_revoked after the judge (a filter never denies, never passes).
 */
public record BundleRevocations(RevokedCodes codes, RevokedSubjects subjects) implements RevocationLookup {

    public BundleRevocations {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(subjects, "subjects");
    }

    @Override
    public boolean isRevoked(HealthCode code) {
        if (codes.find(RevocationHash.ofCodeId(code.codeId())) == RevokedCodes.Hit.REVOKED) {
            return true;
        }
        if (subjects.count() == 0) {
            return false;
        }
        long iat = code.issuedAt();
        return iat < subjects.issuedBefore(SubjectKey.EVERY_ISSUER, code.subject())
                || iat < subjects.issuedBefore(code.issuer(), code.subject());
    }

    /** Tells whether the code id hits the bundle's filter (never true for an exact set). */
    public boolean possiblyRevoked(HealthCode code) {
        return codes.find(RevocationHash.ofCodeId(code.codeId())) == RevokedCodes.Hit.POSSIBLY;
    }
}
