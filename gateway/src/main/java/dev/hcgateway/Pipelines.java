package dev.hcgateway;

import dev.hcgateway.code.CodeDecoder;
import dev.hcgateway.code.Es256Verifier;
import dev.hcgateway.code.TimeRules;
import dev.hcgateway.colour.ColourService;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.pipeline.CryptoPlacement;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.trust.TrustStore;
import java.time.Clock;

/**
 * Builds the gateway's verify pipelines, the served one and the warm-up's, the same way: how a pipeline is put
 * together is written here once. What differs between them is only what they are given: the warm-up's trusts
 * its own throwaway key, takes colours from the codes (it never asks the store) and caches nothing.
 */
public final class Pipelines {

    private final GatewayConfig config;
    private final Clock clock;
    private final Es256Verifier verifier;
    private final RevocationStore revocations;
    private final CryptoPlacement placement;

    /** Creates the factory over the parts every pipeline of this gateway shares. */
    public Pipelines(GatewayConfig config, Clock clock, Es256Verifier verifier, RevocationStore revocations,
                     CryptoPlacement placement) {
        this.config = config;
        this.clock = clock;
        this.verifier = verifier;
        this.revocations = revocations;
        this.placement = placement;
    }

    /** Returns a pipeline judging by {@code trust} and {@code colours}, caching verified codes in {@code verified}. */
    public VerifyPipeline build(TrustStore trust, ColourService colours, VerifiedCodes verified) {
        return new VerifyPipeline(new CodeDecoder(), trust, verifier, revocations, colours, new ScenePolicy(), clock,
                new TimeRules(config.verify().clockSkewSeconds(), config.codes().maxValidity()), placement, verified);
    }
}
