package dev.hcgateway.loadtest.bench;

import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
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
        scene = BenchFixtures.scene("venue");
        pipeline = fixtures.pipeline(BenchFixtures.provider(provider), VerifiedCodes.off(), new SimpleMeterRegistry(),
                scene);
        codes = fixtures.codes();
    }

    @Benchmark
    public Validation validate() {
        return pipeline.validate(codes[i++ & (BenchFixtures.CODES - 1)], scene);
    }
}
