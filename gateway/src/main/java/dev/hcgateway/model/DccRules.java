package dev.hcgateway.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A scene's rules for EU Digital COVID Certificates (the {@code dcc} block of a scene).
 *
 * @param accept                 the certificate types accepted here
 * @param vaccinationMinDays     days since the last dose ({@code dt}) before a full course counts
 * @param testMaxAgeHours        how old a test sample ({@code sc}) may be
 * @param recoveryWithinValidity a recovery certificate counts only between its {@code df} and {@code du}
 * @param failAction             the decision when one of these rules fails (manual or deny)
 */
public record DccRules(Set<CertificateType> accept, int vaccinationMinDays, int testMaxAgeHours,
                       boolean recoveryWithinValidity, Decision failAction) {

    public DccRules {
        accept = accept.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(accept));
        Objects.requireNonNull(failAction, "failAction");
        if (failAction == Decision.PASS) {
            throw new IllegalArgumentException("dcc.failAction must be manual or deny");
        }
        if (vaccinationMinDays < 0 || testMaxAgeHours < 0) {
            throw new IllegalArgumentException("dcc ages must not be negative");
        }
    }
}
