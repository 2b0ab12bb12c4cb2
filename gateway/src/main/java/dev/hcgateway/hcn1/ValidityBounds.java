package dev.hcgateway.hcn1;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.HealthCode;

/**
 * The longest a code of each kind stays valid after its {@code iat}, whatever {@code exp} its issuer signed
 * (health-code spec, additions: {@code min(exp, iat + maxValidity(kind))}). Zero leaves a kind to its signed
 * {@code exp}.
 */
public record ValidityBounds(long personalSeconds, long proxySeconds, long paperSeconds, long internationalSeconds) {

    /** No bound on any kind: the signed {@code exp} alone rules (the spec's semantics before the additions). */
    public static final ValidityBounds SIGNED_EXP = new ValidityBounds(0, 0, 0, 0);

    public ValidityBounds {
        if (personalSeconds < 0 || proxySeconds < 0 || paperSeconds < 0 || internationalSeconds < 0) {
            throw new IllegalArgumentException("a validity bound is 0 (none) or positive");
        }
    }

    /** Returns bounds given in days per kind (0: none). */
    public static ValidityBounds ofDays(long personal, long proxy, long paper, long international) {
        return new ValidityBounds(personal * 86_400, proxy * 86_400, paper * 86_400, international * 86_400);
    }

    /** Returns the bound of this kind in seconds, or 0 when the signed {@code exp} alone rules. */
    public long maxSeconds(CodeKind kind) {
        return switch (kind) {
            case PERSONAL -> personalSeconds;
            case PROXY -> proxySeconds;
            case PAPER -> paperSeconds;
            case INTERNATIONAL -> internationalSeconds;
        };
    }

    /** Returns the last instant (epoch seconds) a code is valid: its {@code exp}, or earlier when its kind is bounded. */
    public long validUntil(HealthCode code) {
        long max = maxSeconds(code.kind());
        return max == 0 ? code.expiresAt() : Math.min(code.expiresAt(), TimeRules.saturatedAdd(code.issuedAt(), max));
    }
}
