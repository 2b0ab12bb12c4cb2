package dev.hcgateway.loadtest.bench;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.loadtest.pool.CodePool;
import dev.hcgateway.loadtest.pool.PoolEntry;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Validation;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.trust.TrustListParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs the in-memory judgement ({@link VerifyPipeline#validate}) a fixed number of times over the first 1,024 codes
 * of a pool, so that a run under {@code valgrind --tool=callgrind} counts instructions that load on a shared machine
 * does not change. Two runs that differ only in {@code count} give the instructions of one verify:
 * (Ir(b) - Ir(a)) / (b - a), start-up and warm-up cancelling out (loadtest/bench/instructions-per-verify.sh). The
 * pool, not freshly minted codes, so that two builds verify the very same signatures under the very same key: an
 * ECDSA verify's instruction count depends on both.
 *
 * <pre>hc-loadtest main dev.hcgateway.loadtest.bench.CountedVerifyLoop POOL-DIR COUNT [warm-up=15000] [fresh|repeat]</pre>
 */
public final class CountedVerifyLoop {

    private CountedVerifyLoop() {
    }

    /** Warms up, then judges {@code count} codes; prints how many judged valid. */
    public static void main(String[] args) throws Exception {
        Path pool = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 15_000;
        boolean repeat = args.length > 3 && args[3].equals("repeat");
        String[] codes = CodePool.read(pool.resolve("codes.tsv")).entries().stream().limit(BenchFixtures.CODES)
                .map(PoolEntry::code).toArray(String[]::new);
        if (codes.length != BenchFixtures.CODES) {
            throw new IllegalArgumentException(pool + ": fewer than " + BenchFixtures.CODES + " codes");
        }
        CryptoProvider crypto = BenchFixtures.provider("native");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Clock clock = Clock.systemUTC();
        VerifyPipeline pipeline = VerifyPipeline.builder()
                .trust(new TrustListParser(crypto.ecKeyFactory()).parse(Files.readAllBytes(pool.resolve("trust.json")),
                        "pool"))
                .crypto(crypto).revocations(new LocalRevocations()).clock(clock).time(60, ValidityBounds.SIGNED_EXP)
                .verifiedCodes(repeat ? new VerifiedCodes(100_000, 3600, clock, registry) : VerifiedCodes.off())
                .build();
        Scene scene = BenchFixtures.scene("venue");
        int valid = loop(pipeline, scene, codes, warm);
        int measured = loop(pipeline, scene, codes, count);
        if (valid != warm || measured != count) {
            throw new IllegalStateException("pool codes not valid now: mint a fresh pool");
        }
        System.out.printf("judged=%d valid=%d%n", warm + count, valid + measured);
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
