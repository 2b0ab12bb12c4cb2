package dev.hcgateway.loadtest.bench;

import dev.hcgateway.code.CodeDecoder;
import dev.hcgateway.code.CryptoProvider;
import dev.hcgateway.code.Es256Verifier;
import dev.hcgateway.code.TimeRules;
import dev.hcgateway.code.ValidityBounds;
import dev.hcgateway.colour.SnapshotColours;
import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.trust.TrustStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole in-memory pipeline, {@link VerifyPipeline#validate}: decode, trust lookup, ES256 verify, time rules,
 * revocation check, over a fixed trust list, per provider. Everything a verify costs but HTTP and JSON.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {

    @Param({"native", "jdk"})
    public String provider;

    private VerifyPipeline pipeline;
    private Scene scene;
    private String[] codes;
    private int i;

    @Setup
    public void assemble() throws Exception {
        BenchFixtures fixtures = new BenchFixtures();
        CryptoProvider crypto = BenchFixtures.provider(provider);
        pipeline = new VerifyPipeline(new CodeDecoder(),
                TrustStore.fixed(fixtures.trustList(crypto), new SimpleMeterRegistry()), new Es256Verifier(crypto),
                new LocalRevocations(), new SnapshotColours(fixtures.clock()), new ScenePolicy(), fixtures.clock(),
                new TimeRules(60, ValidityBounds.SIGNED_EXP));
        scene = BenchFixtures.scene("venue");
        codes = fixtures.codes();
        if (!(validate() instanceof Validation.Valid)) {
            throw new IllegalStateException("fixture code is not valid: " + validate());
        }
    }

    @Benchmark
    public Validation validate() {
        return pipeline.validate(codes[i++ & (BenchFixtures.CODES - 1)], scene);
    }
}
