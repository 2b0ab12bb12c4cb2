package dev.hcgateway;

import dev.hcgateway.colour.ColourService;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.pipeline.CryptoPlacement;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.truststore.TrustStore;
import java.time.Clock;

/**
 * Builds the gateway's verify pipelines, the served one and the warm-up's, from the same parts: what a pipeline of
 * this gateway shares (verifiers, revocations, clock, time rules, crypto placement) is given here once. What
 * differs between them is only what they are given: the warm-up's trusts its own throwaway key, takes colours from
 * the codes (it never asks the store) and caches nothing.
 */
public final class Pipelines {

    private final GatewayConfig config;
    private final Clock clock;
    private final SignatureVerifiers verifiers;
    private final RevocationStore revocations;
    private final CryptoPlacement placement;

    /** Creates the factory over the parts every pipeline of this gateway shares. */
    public Pipelines(GatewayConfig config, Clock clock, SignatureVerifiers verifiers, RevocationStore revocations,
                     CryptoPlacement placement) {
        this.config = config;
        this.clock = clock;
        this.verifiers = verifiers;
        this.revocations = revocations;
        this.placement = placement;
    }

    /** Returns a pipeline judging by {@code trust} and {@code colours}, caching verified codes in {@code verified}. */
    public VerifyPipeline build(TrustStore trust, ColourService colours, VerifiedCodes verified) {
        return VerifyPipeline.builder().trust(trust).verifiers(verifiers).revocations(revocations).colours(colours)
                .clock(clock).time(config.verify().clockSkewSeconds(), config.codes().maxValidity())
                .placement(placement).verifiedCodes(verified).build();
    }
}
