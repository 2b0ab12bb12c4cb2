package dev.hcgateway.dcc;

import dev.hcgateway.model.DccCertificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.dcc.DccCorpus.Dsc;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.crypto.SignatureAlgorithm;
import dev.hcgateway.model.DccVerdict;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustedDsc;
import dev.hcgateway.trust.TrustedKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.format.Judging;
import dev.hcgateway.model.Scene;

/**
 * Kids are 8 bytes of a hash and may collide: every signer certificate with the code's kid is tried before
 * the answer is {@code bad_signature}. (A real collision cannot be made in a test, so the list is built with
 * two certificates sharing a kid.)
 */
class CollidingKidsTest {

    @Test
    void twoSignersShareAKid_theSecondOneStillVerifies() {
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        Instant until = Instant.parse("2023-01-01T00:00:00Z");
        Dsc first = DccCorpus.dsc("AT", DccCorpus.ec(), from, until);
        Dsc second = DccCorpus.dsc("BE", DccCorpus.ec(), from, until);
        long kid = TrustedKey.kidOf(first.kid());
        TrustedDsc a = new TrustedDsc(kid, "AT", first.keys().getPublic(), SignatureAlgorithm.ES256, from, until, Set.of());
        TrustedDsc b = new TrustedDsc(kid, "BE", second.keys().getPublic(), SignatureAlgorithm.ES256, from, until,
                Set.of());
        TrustList trust = TrustList.of(List.of(), List.of(a, b), "collide");
        DccJudge judge = new DccJudge(new SignatureVerifiers(CryptoProvider.select(true)), 300);
        long now = Instant.parse("2021-06-01T12:00:00Z").getEpochSecond();
        byte[] claims = DccCorpus.vaccination(null, now - 86400, now + 86400, "URN:UVCI:01:BE:1", 2, 2, "2021-04-01");
        var scene = Gateways.config(Map.of()).scene("airport");

        Validation bySecond = judge(judge, trust, DccCorpus.signer(second).kid(first.kid()).sign(claims), scene, now);
        assertThat(bySecond).isInstanceOf(DccVerdict.class);
        assertThat(((DccVerdict) bySecond).issuer()).as("no iss: the signer's country").isEqualTo("BE");

        Dsc stranger = DccCorpus.dsc("CZ", DccCorpus.ec(), from, until);
        assertThat(judge(judge, trust, DccCorpus.signer(stranger).kid(first.kid()).sign(claims), scene, now))
                .isEqualTo(new Rejection(Reason.BAD_SIGNATURE));
    }

    static Validation judge(DccJudge judge, TrustList trust, String code, Scene scene, long now) {
        Decoded.Signed<DccCertificate> signed = (Decoded.Signed<DccCertificate>) new DccDecoder().decode(code);
        return judge.judge(signed, new Judging(trust, RevocationLookup.NONE, scene, Instant.ofEpochSecond(now)));
    }
}
