package dev.hcgateway.loadtest.bench;

import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.pipeline.VerifyPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Runs the in-memory judgement ({@link VerifyPipeline#validate}) a fixed number of times, so that a run under
 * {@code valgrind --tool=callgrind} counts instructions that load on a shared machine does not change. Two runs
 * that differ only in {@code count} give the instructions of one verify: (Ir(b) - Ir(a)) / (b - a), the start-up,
 * minting and warm-up cancelling out (loadtest/bench/instructions-per-verify.sh).
 *
 * <pre>hc-loadtest main dev.hcgateway.loadtest.bench.CountedVerifyLoop COUNT [warm-up=20000] [fresh|repeat]</pre>
 */
public final class CountedVerifyLoop {

    private CountedVerifyLoop() {
    }

    /** Warms up, then judges {@code count} codes; prints how many judged valid. */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        boolean repeat = args.length > 2 && args[2].equals("repeat");
        BenchFixtures fixtures = new BenchFixtures();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VerifiedCodes cache = repeat ? new VerifiedCodes(100_000, 3600, fixtures.clock(), registry) : VerifiedCodes.off();
        Scene scene = BenchFixtures.scene("venue");
        VerifyPipeline pipeline = fixtures.pipeline(BenchFixtures.provider("native"), cache, registry, scene);
        String[] codes = fixtures.codes();
        int valid = loop(pipeline, scene, codes, warm) + loop(pipeline, scene, codes, count);
        System.out.printf("judged=%d valid=%d%n", warm + count, valid);
    }

    private static int loop(VerifyPipeline pipeline, Scene scene, String[] codes, int n) {
        int valid = 0;
        for (int i = 0; i < n; i++) {
            if (pipeline.validate(codes[i & (BenchFixtures.CODES - 1)], scene) instanceof Validation.Valid) {
                valid++;
            }
        }
        return valid;
    }
}
