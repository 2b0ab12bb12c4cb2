package dev.hcgateway.judge;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.format.Judging;
import dev.hcgateway.hcn1.TimeRules;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.hcn1.VerifiedMemo;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.model.Scene;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What an offline gate's verifier does with the judging packages alone: parse a trust list, judge a code against it
 * and a revocation look-up, at a scene, as at an instant. Loaded by {@link JudgingNeedsNoServerLibrariesTest} in a
 * class loader without Vert.x, Netty, Redis or PostgreSQL, so it must name nothing of theirs (nor of the tests').
 */
public final class GateProbe {

    private GateProbe() {
    }

    /** Returns {@code "<decision> <reason>"} of the code, revoked or not, judged as at {@code now}. */
    public static String judge(byte[] trustJson, String code, long now, boolean revoked) throws Exception {
        CryptoProvider crypto = CryptoProvider.select(true);
        TrustList trust = new TrustListParser(crypto.ecKeyFactory()).parse(trustJson, "gate trust list");
        OfflineJudge judge = new OfflineJudge(CodeJudge.standard(new SignatureVerifiers(crypto),
                new TimeRules(60, ValidityBounds.SIGNED_EXP), VerifiedMemo.none()));
        Scene scene = new Scene("gate", Map.of(Colour.GREEN, Decision.PASS, Colour.YELLOW, Decision.DENY,
                Colour.ORANGE, Decision.DENY, Colour.RED, Decision.DENY), 86_400, 86_400, Decision.MANUAL, false,
                Set.of());
        RevocationLookup revocations = revoked ? c -> true : RevocationLookup.NONE;
        Instant at = Instant.ofEpochSecond(now);
        Outcome outcome = judge.judge(code, new Judging(trust, revocations, scene, at), at);
        return outcome.decision().wire() + " " + outcome.reason().wire();
    }
}
