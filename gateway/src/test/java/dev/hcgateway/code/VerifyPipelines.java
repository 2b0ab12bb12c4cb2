package dev.hcgateway.code;

import dev.hcgateway.model.Colour;
import dev.hcgateway.colour.SnapshotColours;
import dev.hcgateway.model.Decision;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** Builds in-memory pipelines for tests. */
public final class VerifyPipelines {

    private VerifyPipelines() {
    }

    /** Returns an offline pipeline over a fixed trust list, with the default validity bounds of config/gateway.yaml. */
    public static VerifyPipeline create(TrustList list, CryptoProvider provider, Clock clock, long skew) {
        return create(list, provider, clock, skew, new ConfigLoader().defaultsWith(Map.of()).codes().maxValidity());
    }

    /** Returns an offline pipeline over a fixed trust list with these validity bounds. */
    public static VerifyPipeline create(TrustList list, CryptoProvider provider, Clock clock, long skew,
                                        ValidityBounds bounds) {
        TrustStore store = FixedTrust.of(list);
        return new VerifyPipeline(new CodeDecoder(), store, new Es256Verifier(provider), new LocalRevocations(),
                new SnapshotColours(clock), new ScenePolicy(), clock, new TimeRules(skew, bounds));
    }

    /** Returns a scene with no age limits, accepting every issuer. */
    public static Scene permissiveScene() {
        return new Scene("test", Map.of(Colour.GREEN, Decision.PASS, Colour.YELLOW, Decision.DENY, Colour.ORANGE,
                Decision.DENY, Colour.RED, Decision.DENY), Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Decision.MANUAL,
                false, Set.of());
    }

    /** A trust store that holds one list and never reloads. */
    static final class FixedTrust {
        static TrustStore of(TrustList list) {
            return TrustStore.fixed(list, new SimpleMeterRegistry());
        }
    }
}
