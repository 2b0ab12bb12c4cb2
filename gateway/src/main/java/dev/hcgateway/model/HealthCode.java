package dev.hcgateway.model;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The claims of a decoded health code (CWT payload plus the {@code hc} map).
 * Decoded is not verified: the pipeline checks trust, signature and time before using it.
 */
public record HealthCode(
        String issuer,
        String subject,
        long issuedAt,
        long expiresAt,
        byte[] codeId,
        Colour colour,
        long colourAsOf,
        CodeKind kind,
        String relation,
        boolean vaccinated) implements Credential {

    public HealthCode {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(kind, "kind");
    }

    /** Returns these claims with {@code expiresAt} brought forward to {@code until} when that is earlier. */
    public HealthCode validUntil(long until) {
        return until >= expiresAt ? this : new HealthCode(issuer, subject, issuedAt, until, codeId, colour, colourAsOf,
                kind, relation, vaccinated);
    }

    /** Returns the code id as lower-case hex, the form revocations use. */
    public String codeIdHex() {
        return HexFormat.of().formatHex(codeId);
    }

    @Override
    public String toString() {
        // Never print the subject: logs must not carry it.
        return "HealthCode[issuer=" + issuer + ", kind=" + kind + ", colour=" + colour + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealthCode h && h.codeIdHex().equals(codeIdHex()) && h.issuer.equals(issuer)
                && h.subject.equals(subject) && h.issuedAt == issuedAt && h.expiresAt == expiresAt
                && h.colour == colour && h.colourAsOf == colourAsOf && h.kind == kind
                && Objects.equals(h.relation, relation) && h.vaccinated == vaccinated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, subject, issuedAt, codeIdHex());
    }
}
