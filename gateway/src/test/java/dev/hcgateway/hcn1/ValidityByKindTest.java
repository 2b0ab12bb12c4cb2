package dev.hcgateway.hcn1;

import dev.hcgateway.model.CodeKind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import org.junit.jupiter.api.Test;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.support.VerifyPipelines;

/**
 * A code is valid until {@code min(exp, iat + maxValidityDays(kind))}: paper 14 days, personal and proxy 3,
 * international its signed exp (the defaults of config/gateway.yaml). Codes minted by the project's minter.
 */
class ValidityByKindTest {

    private static final long NOW = 1_795_300_000L;
    private static final long DAY = 86_400;
    private final CryptoProvider provider = CryptoProvider.jdk("test");
    private final MintedCodes codes = new MintedCodes(NOW);
    private final VerifyPipeline pipeline = VerifyPipelines.create(TestData.trustList(provider), provider,
            new MutableClock(NOW), 60);

    private Validation judge(String code) {
        return pipeline.validate(code, VerifyPipelines.permissiveScene());
    }

    private static Reason reason(Validation v) {
        return v instanceof Rejection r ? r.reason() : Reason.OK;
    }

    @Test
    void paperCode_signedFor30Days_expiresAfter14() {
        assertThat(reason(judge(codes.paper(13 * DAY, 30 * DAY)))).isEqualTo(Reason.OK);
        assertThat(reason(judge(codes.paper(15 * DAY, 30 * DAY)))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void personalAndProxyCodes_signedFor10Days_expireAfter3() {
        for (CodeKind kind : new CodeKind[]{CodeKind.PERSONAL, CodeKind.PROXY}) {
            assertThat(reason(judge(codes.ofKind(kind, Colour.GREEN, 2 * DAY, 10 * DAY)))).as(kind.wire())
                    .isEqualTo(Reason.OK);
            assertThat(reason(judge(codes.ofKind(kind, Colour.GREEN, 4 * DAY, 10 * DAY)))).as(kind.wire())
                    .isEqualTo(Reason.EXPIRED);
        }
    }

    @Test
    void internationalCode_isBoundByItsSignedExpAlone() {
        assertThat(reason(judge(codes.ofKind(CodeKind.INTERNATIONAL, Colour.GREEN, 20 * DAY, 30 * DAY))))
                .isEqualTo(Reason.OK);
    }

    @Test
    void boundWithinSkew_stillValid() {
        // Printed exactly 14 days and 30 s ago: within the 60 s skew of its bound, like a signed exp.
        assertThat(reason(judge(codes.paper(14 * DAY + 30, 30 * DAY)))).isEqualTo(Reason.OK);
        assertThat(reason(judge(codes.paper(14 * DAY + 61, 30 * DAY)))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void validCode_answersTheBoundAsItsExpiry() {
        long iat = NOW - DAY;
        Validation v = judge(codes.paper(DAY, 30 * DAY));
        assertThat(v).isInstanceOfSatisfying(Validation.Valid.class,
                valid -> assertThat(valid.code().expiresAt()).isEqualTo(iat + 14 * DAY));
    }

    @Test
    void unboundedRules_keepTheSignedExp() {
        VerifyPipeline signedExp = VerifyPipelines.create(TestData.trustList(provider), provider,
                new MutableClock(NOW), 60, ValidityBounds.SIGNED_EXP);
        assertThat(signedExp.validate(codes.paper(20 * DAY, 30 * DAY), VerifyPipelines.permissiveScene()))
                .isInstanceOf(Validation.Valid.class);
    }
}
