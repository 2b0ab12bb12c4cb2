package dev.hcgateway.model;

import java.util.Objects;

/**
 * The decision on a valid EU Digital COVID Certificate (signature, trust, time and revocation passed): the
 * scene's DCC rules decided, with no colour stage.
 *
 * @param issuer the country: the CWT {@code iss}, else the signer certificate's country
 */
public record DccVerdict(Decision decision, Reason reason, DccCertificate certificate, String issuer)
        implements Outcome, Validation {

    public DccVerdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(issuer, "issuer");
        if ((reason == Reason.OK) != (decision == Decision.PASS)) {
            throw new IllegalArgumentException("reason ok goes with pass, and only it");
        }
    }

    /** Returns false: the certificate and the scene's rules decide, no stand-in. */
    @Override
    public boolean degraded() {
        return false;
    }
}
