package dev.hcgateway.policy;

import dev.hcgateway.model.DccRules;

import dev.hcgateway.model.Scene;

import dev.hcgateway.model.DccCertificate;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.DccVerdict;
import dev.hcgateway.model.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Applies a scene's DCC rules to a valid certificate (docs/dcc.md, "Scene rules"). Pure. */
public final class DccPolicy {

    /** Returns the verdict on a certificate that passed every validity check, judged at {@code now}. */
    public DccVerdict decide(Scene scene, DccCertificate cert, String issuer, Instant now) {
        DccRules rules = scene.dcc();
        if (rules == null) {
            return new DccVerdict(Decision.MANUAL, Reason.FORMAT_NOT_ACCEPTED, cert, issuer);
        }
        Reason failed = failedRule(rules, cert, now);
        return failed == null ? new DccVerdict(Decision.PASS, Reason.OK, cert, issuer)
                : new DccVerdict(rules.failAction(), failed, cert, issuer);
    }

    private static Reason failedRule(DccRules rules, DccCertificate cert, Instant now) {
        if (!rules.accept().contains(cert.type())) {
            return Reason.DCC_TYPE_NOT_ACCEPTED;
        }
        // Calendar dates (dt, df, du) carry no zone: they are read as UTC days.
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (cert.type()) {
            case VACCINATION -> cert.doses() < cert.totalDoses() || cert.doses() == 0
                    || cert.date().plusDays(rules.vaccinationMinDays()).isAfter(today)
                    ? Reason.VACCINATION_INCOMPLETE : null;
            case TEST -> !DccCertificate.NOT_DETECTED.equals(cert.testResult()) ? Reason.TEST_POSITIVE
                    : Duration.between(cert.sampledAt(), now).compareTo(Duration.ofHours(rules.testMaxAgeHours())) > 0
                    ? Reason.TEST_TOO_OLD : null;
            case RECOVERY -> rules.recoveryWithinValidity()
                    && (today.isBefore(cert.date()) || today.isAfter(cert.validUntil()))
                    ? Reason.RECOVERY_NOT_VALID : null;
        };
    }
}
