package dev.hcgateway.support;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.model.Scene;
import dev.hcgateway.pipeline.PipelineBuilder;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.trust.TrustList;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** Builds in-memory pipelines for tests, through the one builder production uses. */
public final class VerifyPipelines {

    private VerifyPipelines() {
    }

    /**
     * Returns a builder of an offline pipeline over a fixed trust list: no revocations, snapshot colours, skew 60 s,
     * validity bounds of the signed {@code exp} alone. A test changes what it needs before {@code build()}.
     */
    public static PipelineBuilder offline(TrustList list, CryptoProvider provider, Clock clock) {
        return VerifyPipeline.builder().trust(list).crypto(provider).revocations(RevocationLookup.NONE).clock(clock)
                .time(60, ValidityBounds.SIGNED_EXP);
    }

    /** Returns an offline pipeline over a fixed trust list, with the default validity bounds of config/gateway.yaml. */
    public static VerifyPipeline create(TrustList list, CryptoProvider provider, Clock clock, long skew) {
        return create(list, provider, clock, skew, defaultBounds());
    }

    /** Returns an offline pipeline over a fixed trust list with these validity bounds. */
    public static VerifyPipeline create(TrustList list, CryptoProvider provider, Clock clock, long skew,
                                        ValidityBounds bounds) {
        return offline(list, provider, clock).time(skew, bounds).build();
    }

    /** Returns the validity bounds of the shipped configuration. */
    public static ValidityBounds defaultBounds() {
        return new ConfigLoader().defaultsWith(Map.of()).codes().maxValidity();
    }

    /** Returns a scene with no age limits, accepting every issuer. */
    public static Scene permissiveScene() {
        return new Scene("test", Map.of(Colour.GREEN, Decision.PASS, Colour.YELLOW, Decision.DENY, Colour.ORANGE,
                Decision.DENY, Colour.RED, Decision.DENY), Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Decision.MANUAL,
                false, Set.of());
    }
}
