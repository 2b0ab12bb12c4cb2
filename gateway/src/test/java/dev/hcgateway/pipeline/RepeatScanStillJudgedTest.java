package dev.hcgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.model.Validation.Valid;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import dev.hcgateway.support.VerifyPipelines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A re-read served by the verified-code cache skips only decode and signature: a tampered copy is verified afresh,
 * and time and revocation are judged again on every hit.
 */
class RepeatScanStillJudgedTest {

    private static final long NOW = 1_795_300_000L;
    private final CryptoProvider provider = CryptoProvider.jdk("test");
    private final MintedCodes codes = new MintedCodes(NOW);
    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LocalRevocations revocations = new LocalRevocations();
    private final VerifyPipeline pipeline = VerifyPipelines.offline(TestData.trustList(provider), provider, clock)
            .revocations(revocations).verifiedCodes(new VerifiedCodes(1000, 30 * 86_400, clock, registry)).build();

    private Validation judge(String text) {
        return pipeline.validate(text, VerifyPipelines.permissiveScene());
    }

    private double lookups(String result) {
        return registry.get("hc_verified_code_cache_lookups_total").tag("result", result).counter().count();
    }

    @Test
    void repeat_isServedFromTheCache() {
        String code = codes.valid(Colour.GREEN);
        assertThat(judge(code)).isInstanceOf(Valid.class);
        assertThat(judge(code)).isInstanceOf(Valid.class);
        assertThat(lookups("hit")).isEqualTo(1.0);
        assertThat(lookups("miss")).isEqualTo(1.0);
    }

    @Test
    void tamperedCopyOfACachedCode_isVerifiedAfreshAndDenied() {
        String code = codes.valid(Colour.GREEN);
        assertThat(judge(code)).isInstanceOf(Valid.class);
        int at = code.length() - 2;
        char swapped = code.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = code.substring(0, at) + swapped + code.substring(at + 1);

        assertThat(judge(tampered)).isInstanceOf(Rejection.class);
        assertThat(lookups("hit")).isZero();
        assertThat(lookups("miss")).isEqualTo(2.0);
    }

    @Test
    void codeRevokedBetweenTwoReads_isDeniedOnTheHit() {
        String code = codes.valid(Colour.GREEN);
        Validation first = judge(code);
        assertThat(first).isInstanceOf(Valid.class);
        revocations.revokeCode(HexFormat.of().parseHex(((Valid) first).code().codeIdHex()));

        assertThat(judge(code)).isEqualTo(new Rejection(Reason.REVOKED));
        assertThat(lookups("hit")).isEqualTo(1.0);
    }

    @Test
    void codeThatExpiredWhileCached_staysExpiredOnTheHit() {
        String code = codes.valid(Colour.GREEN);
        assertThat(judge(code)).isInstanceOf(Valid.class);
        clock.advanceSeconds(10 * 86_400);

        assertThat(judge(code)).isEqualTo(new Rejection(Reason.EXPIRED));
        assertThat(lookups("hit")).isEqualTo(1.0);
    }
}
