package dev.hcgateway.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The claims of a decoded EU Digital COVID Certificate that the gateway uses. The holder's name and date of
 * birth are never read into it, so nothing downstream can leak them.
 *
 * @param country     the CWT {@code iss} (ISO country), or null when absent
 * @param issuedAt    CWT {@code iat}, epoch seconds
 * @param expiresAt   CWT {@code exp}, epoch seconds
 * @param uvci        the certificate identifier {@code ci}
 * @param doses       vaccination: {@code dn} (else 0)
 * @param totalDoses  vaccination: {@code sd} (else 0)
 * @param date        vaccination {@code dt}, recovery {@code df}; null for a test
 * @param validUntil  recovery {@code du}; null otherwise
 * @param sampledAt   test {@code sc}; null otherwise
 * @param testResult  test {@code tr}; null otherwise
 */
public record DccCertificate(String country, long issuedAt, long expiresAt, CertificateType type, String uvci,
                             int doses, int totalDoses, LocalDate date, LocalDate validUntil, Instant sampledAt,
                             String testResult) {

    /** The SNOMED CT code of a test result "not detected". */
    public static final String NOT_DETECTED = "260415000";

    public DccCertificate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uvci, "uvci");
    }

    @Override
    public String toString() {
        return "DccCertificate[" + type.wire() + ", " + country + "]"; // no identifier in logs
    }
}
