package dev.hcgateway.loadtest.bench;

import dev.hcgateway.hcn1.Hcn1Decoder;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.crypto.Es256Verifier;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.trust.TrustList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntConsumer;
import dev.hcgateway.revocation.LocalRevocations;

/**
 * The in-memory stages' cost in <em>thread CPU time</em> per operation (JMH reports wall time, which other
 * processes on a shared core inflate): decode, ES256 verify through the gateway's verifier, the pipeline's
 * {@code validate} (steps 1-5), and {@code verify} (plus the offline colour stage and the policy).
 *
 * <pre>hc-loadtest main dev.hcgateway.loadtest.bench.CpuBreakdown [seconds per stage=5] [provider=native]</pre>
 */
public final class CpuBreakdown {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private CpuBreakdown() {
    }

    /** Warms each stage for a second, then prints its CPU microseconds per operation. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        CryptoProvider crypto = BenchFixtures.provider(args.length > 1 ? args[1] : "native");
        BenchFixtures fixtures = new BenchFixtures();
        String[] codes = fixtures.codes();
        int mask = BenchFixtures.CODES - 1;
        Hcn1Decoder decoder = new Hcn1Decoder();
        Es256Verifier verifier = new Es256Verifier(crypto);
        TrustList list = fixtures.trustList(crypto);
        Decoded.Signed<?>[] decoded = new Decoded.Signed<?>[codes.length];
        for (int i = 0; i < codes.length; i++) {
            decoded[i] = (Decoded.Signed<?>) decoder.decode(codes[i]);
        }
        var key = list.find(decoded[0].kid()).key();
        VerifyPipeline pipeline = VerifyPipeline.builder().trust(list).crypto(crypto)
                .revocations(new LocalRevocations()).clock(fixtures.clock()).time(60, ValidityBounds.SIGNED_EXP).build();
        Scene scene = BenchFixtures.scene("venue");
        System.out.printf("provider=%s%n", crypto.name());
        measure("decode", seconds, i -> sink = decoder.decode(codes[i & mask]));
        measure("es256_verify", seconds, i -> sink = verifier.verify(key, decoded[i & mask].toBeSigned(),
                decoded[i & mask].signature()));
        measure("pipeline_validate", seconds, i -> sink = pipeline.validate(codes[i & mask], scene));
        measure("pipeline_verify", seconds, i -> sink = pipeline.verify(codes[i & mask], scene).result());
    }

    private static void measure(String name, double seconds, IntConsumer op) {
        run(op, 1.0);
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long n = run(op, seconds);
        double us = (CPU.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
        System.out.printf("%s_us=%.3f ops=%d%n", name, us, n);
    }

    private static long run(IntConsumer op, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int i = 0;
        do {
            for (int k = 0; k < 64; k++) {
                op.accept(i++);
            }
        } while (System.nanoTime() < end);
        return i;
    }
}
