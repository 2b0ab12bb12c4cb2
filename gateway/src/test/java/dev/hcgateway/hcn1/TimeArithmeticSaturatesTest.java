package dev.hcgateway.hcn1;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.CodeKind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Validation;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import org.junit.jupiter.api.Test;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.support.VerifyPipelines;

/** Claims near 2^63-1 never wrap the time rules' sums: the longest-valid code is valid, never "expired". */
class TimeArithmeticSaturatesTest {

    private static final long NOW = 1_795_300_000L;
    private static final long MAX = Long.MAX_VALUE;

    private static HealthCode code(CodeKind kind, long iat, long exp) {
        return new HealthCode("330100", "s-time", iat, exp, new byte[8], Colour.GREEN, iat, kind,
                kind == CodeKind.PROXY ? "parent" : null, false);
    }

    @Test
    void expAtLongMax_isWithinItsTime() {
        TimeRules unbounded = new TimeRules(60, ValidityBounds.SIGNED_EXP);
        assertThat(unbounded.check(code(CodeKind.PERSONAL, NOW - 10, MAX), NOW, 180)).isNull();
        assertThat(unbounded.check(code(CodeKind.INTERNATIONAL, NOW - 10, MAX), NOW, 180)).isNull();
    }

    @Test
    void iatNearLongMax_isNotYetValidNeverWrapped() {
        TimeRules rules = new TimeRules(3600, ValidityBounds.ofDays(3, 3, 14, 0));
        // iat + 3 days and now + skew must not wrap: the code lies in the far future.
        assertThat(rules.check(code(CodeKind.PERSONAL, MAX - 10, MAX), NOW, 180)).isEqualTo(Reason.NOT_YET_VALID);
        assertThat(rules.validUntil(code(CodeKind.PAPER, MAX - 10, MAX))).isEqualTo(MAX);
        assertThat(rules.check(code(CodeKind.PERSONAL, NOW - 10, MAX), MAX - 1, MAX)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void saturatedAdd_holdsAtTheBounds() {
        assertThat(TimeRules.saturatedAdd(MAX, 60)).isEqualTo(MAX);
        assertThat(TimeRules.saturatedAdd(MAX - 60, 60)).isEqualTo(MAX);
        assertThat(TimeRules.saturatedAdd(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(TimeRules.saturatedAdd(5, -7)).isEqualTo(-2);
    }

    @Test
    void mintedCodeWithExpAtLongMax_isValidThroughThePipeline() {
        CryptoProvider provider = CryptoProvider.jdk("test");
        MintedCodes codes = new MintedCodes(NOW);
        String code = codes.mint(codes.claims(Colour.GREEN).withTimes(NOW - 10, MAX, NOW - 10));
        Validation v = VerifyPipelines.create(TestData.trustList(provider), provider, new MutableClock(NOW), 60,
                ValidityBounds.SIGNED_EXP).validate(code, VerifyPipelines.permissiveScene());
        assertThat(v).isInstanceOf(Validation.Valid.class);
    }
}
