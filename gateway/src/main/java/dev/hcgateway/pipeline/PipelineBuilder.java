package dev.hcgateway.pipeline;

import dev.hcgateway.colour.ColourService;
import dev.hcgateway.colour.SnapshotColours;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.hcn1.TimeRules;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.judge.CodeJudge;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.truststore.TrustStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wires a {@link VerifyPipeline}: its formats ({@link CodeJudge#standard}) over the verifiers and time rules, the
 * trust list in force, the revocations, the colour stage and the policy. Required: trust, verifiers (or a crypto
 * provider), revocations, clock and time rules; by default colours come from the signed snapshot (offline mode),
 * the in-memory steps run inline and no verified code is remembered.
 */
public final class PipelineBuilder {

    private Supplier<TrustList> trust;
    private SignatureVerifiers verifiers;
    private RevocationLookup revocations;
    private Clock clock;
    private TimeRules time;
    private ColourService colours;
    private ScenePolicy policy = new ScenePolicy();
    private CryptoPlacement placement = CryptoPlacement.INLINE;
    private VerifiedCodes verified = VerifiedCodes.off();

    PipelineBuilder() {
    }

    /** Judges under the list the store holds at each scan (a reload takes effect at the next scan). */
    public PipelineBuilder trust(TrustStore store) {
        this.trust = store::current;
        return this;
    }

    /** Judges under one fixed list. */
    public PipelineBuilder trust(TrustList list) {
        Objects.requireNonNull(list, "list");
        this.trust = () -> list;
        return this;
    }

    /** Verifies signatures with these verifiers (made off the event loop: loading a provider touches native code). */
    public PipelineBuilder verifiers(SignatureVerifiers verifiers) {
        this.verifiers = verifiers;
        return this;
    }

    /** Verifies signatures on this provider. */
    public PipelineBuilder crypto(CryptoProvider provider) {
        return verifiers(new SignatureVerifiers(provider));
    }

    /** Looks revocations up here (the gateway's mirror; {@link RevocationLookup#NONE} for tools and tests). */
    public PipelineBuilder revocations(RevocationLookup revocations) {
        this.revocations = revocations;
        return this;
    }

    /** Takes "now" from this clock: the instant of the time rules unless a scan names another, and of colours. */
    public PipelineBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Judges time with these rules. */
    public PipelineBuilder time(TimeRules time) {
        this.time = time;
        return this;
    }

    /** Judges time with this skew (seconds) and these validity bounds by kind. */
    public PipelineBuilder time(long skewSeconds, ValidityBounds bounds) {
        return time(new TimeRules(skewSeconds, bounds));
    }

    /** Takes colours from this stage (default: the signed snapshot, as with no authoritative store). */
    public PipelineBuilder colours(ColourService colours) {
        this.colours = colours;
        return this;
    }

    /** Decides with this policy (default: {@link ScenePolicy}). */
    public PipelineBuilder policy(ScenePolicy policy) {
        this.policy = policy;
        return this;
    }

    /** Runs the in-memory steps where this placement says (default: inline, on the calling thread). */
    public PipelineBuilder placement(CryptoPlacement placement) {
        this.placement = placement;
        return this;
    }

    /** Remembers verified codes here, so that repeat scans skip decode and signature (default: off). */
    public PipelineBuilder verifiedCodes(VerifiedCodes verified) {
        this.verified = verified;
        return this;
    }

    /** Builds the pipeline; fails naming the first required part that is missing. */
    public VerifyPipeline build() {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(verifiers, "verifiers");
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(time, "time");
        ColourService colourStage = colours != null ? colours : new SnapshotColours(clock);
        return new VerifyPipeline(CodeJudge.standard(verifiers, time, Objects.requireNonNull(verified, "verified")),
                trust, revocations, colourStage, Objects.requireNonNull(policy, "policy"),
                clock, Objects.requireNonNull(placement, "placement"));
    }
}
