package dev.hcgateway.loadtest.bench;

import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.pipeline.VerifyPipeline;
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
 * The in-memory judgement ({@link VerifyPipeline#validate}) of a repeat scan against a fresh one: {@code fresh}
 * runs with the verified-code cache off (decode and ES256 every time), {@code repeat} with it on, the same 1,024
 * codes cycled so every read after the first round is a hit (digest, look-up, time and revocation rules).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RepeatScanBenchmark {

    @Param({"fresh", "repeat"})
    public String scan;

    @Param({"native"})
    public String provider;

    private VerifyPipeline pipeline;
    private Scene scene;
    private String[] codes;
    private int i;

    @Setup
    public void assemble() throws Exception {
        BenchFixtures fixtures = new BenchFixtures();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VerifiedCodes cache = scan.equals("repeat")
                ? new VerifiedCodes(100_000, 3600, fixtures.clock(), registry) : VerifiedCodes.off();
        scene = BenchFixtures.scene("venue");
        pipeline = fixtures.pipeline(BenchFixtures.provider(provider), cache, registry, scene);
        codes = fixtures.codes();
    }

    @Benchmark
    public Validation validate() {
        return pipeline.validate(codes[i++ & (BenchFixtures.CODES - 1)], scene);
    }
}
