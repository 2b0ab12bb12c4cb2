package dev.hcgateway.gate;

import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.format.Judging;
import dev.hcgateway.hcn1.TimeRules;
import dev.hcgateway.hcn1.VerifiedMemo;
import dev.hcgateway.judge.CodeJudge;
import dev.hcgateway.judge.OfflineJudge;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Unjudged;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListException;
import dev.hcgateway.trust.TrustListParser;
import java.time.Instant;
import java.util.Objects;

/**
 * Judges codes at a gate from an opened {@link Bundle}, through the gateway's own decoders and judges
 * ({@link OfflineJudge} over {@link CodeJudge#standard}) with the bundle's trust list, revocations, scenes and time
 * rules. On top of the judge, two rules of the offline contract: past the bundle's {@code validUntil} every code is
 * manual / bundle_expired (never judged on stale knowledge), and a code the judge would not deny whose id hits the
 * bundle's filter is manual / possibly_revoked (a filter neither denies nor passes; a deny stands).
 */
public final class GateVerifier {

    private static final Outcome EXPIRED = new Unjudged(Reason.BUNDLE_EXPIRED);

    private final Bundle bundle;
    private final TrustList trust;
    private final OfflineJudge judge;

    /** Creates the verifier; throws {@link TrustListException} when the bundle's trust list does not load. */
    public GateVerifier(Bundle bundle, SignatureVerifiers verifiers) throws TrustListException {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.trust = new TrustListParser(verifiers.provider().ecKeyFactory()).parse(bundle.trustList(), "the bundle");
        this.judge = new OfflineJudge(CodeJudge.standard(verifiers,
                new TimeRules(bundle.clockSkewSeconds(), bundle.maxValidity()), VerifiedMemo.none()));
    }

    /** Returns the bundle judged with. */
    public Bundle bundle() {
        return bundle;
    }

    /** Returns the scene of this name in the bundle (null: the bundle's default scene), or null when unknown. */
    public Scene scene(String name) {
        return bundle.scenes().get(name == null ? bundle.defaultScene() : name);
    }

    /** Judges a scanned text at a scene of the bundle as at {@code at} (time rules and colour alike). */
    public Outcome judge(String text, Scene scene, Instant at) {
        if (at.getEpochSecond() > bundle.validUntil()) {
            return EXPIRED;
        }
        Outcome outcome = judge.judge(text, new Judging(trust, bundle.revocations(), scene, at), at);
        if (outcome instanceof Verdict v && v.decision() != Decision.DENY && v.code() != null
                && bundle.revocations().possiblyRevoked(v.code())) {
            return new Verdict(Decision.MANUAL, Reason.POSSIBLY_REVOKED, v.credential(), v.colour(), v.source(),
                    v.degraded());
        }
        return outcome;
    }
}
