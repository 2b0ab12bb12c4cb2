package dev.hcgateway.issuer;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import java.util.Objects;

/**
 * What an issuer puts in a code. Unlike {@code HealthCode}, nothing here is validated beyond non-null: the
 * minter must also make broken codes (for tests and load pools).
 *
 * @param vaccinated null to leave the claim out
 */
public record CodeClaims(String issuer, String subject, long issuedAt, long expiresAt, byte[] codeId,
                         Colour colour, long colourAsOf, CodeKind kind, String relation, Boolean vaccinated) {

    public CodeClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(kind, "kind");
    }

    /** Returns typical claims: issued now, valid {@code ttlSeconds}, colour known at issue, random code id. */
    public static CodeClaims typical(String issuer, String subject, Colour colour, long now, long ttlSeconds,
                                     java.util.random.RandomGenerator random) {
        byte[] cti = new byte[12];
        random.nextBytes(cti);
        return new CodeClaims(issuer, subject, now, now + ttlSeconds, cti, colour, now, CodeKind.PERSONAL, null, null);
    }

    /** Returns a copy with another kind and relation. */
    public CodeClaims withKind(CodeKind newKind, String newRelation) {
        return new CodeClaims(issuer, subject, issuedAt, expiresAt, codeId, colour, colourAsOf, newKind, newRelation,
                vaccinated);
    }

    /** Returns a copy with other times. */
    public CodeClaims withTimes(long iat, long exp, long asOf) {
        return new CodeClaims(issuer, subject, iat, exp, codeId, colour, asOf, kind, relation, vaccinated);
    }

    /** Returns a copy with the vaccination claim. */
    public CodeClaims withVaccinated(Boolean value) {
        return new CodeClaims(issuer, subject, issuedAt, expiresAt, codeId, colour, colourAsOf, kind, relation, value);
    }
}
