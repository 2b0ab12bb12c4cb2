package dev.hcgateway.loadtest.bench;

import dev.hcgateway.hcn1.Hcn1Decoder;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.crypto.Es256Verifier;
import dev.hcgateway.trust.TrustList;
import java.security.PublicKey;
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
import dev.hcgateway.model.HealthCode;

/**
 * One ES256 verify through {@link Es256Verifier} (the gateway's own path: P1363 signature, per-thread
 * {@code Signature}, {@code initVerify} per call), per provider: {@code native} (ACCP) or {@code jdk} (SunEC).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerifyBenchmark {

    @Param({"native", "jdk"})
    public String provider;

    private Es256Verifier verifier;
    private PublicKey key;
    private byte[][] toBeSigned;
    private byte[][] signatures;
    private int i;

    @Setup
    public void decodeAll() throws Exception {
        BenchFixtures fixtures = new BenchFixtures();
        CryptoProvider crypto = BenchFixtures.provider(provider);
        verifier = new Es256Verifier(crypto);
        TrustList list = fixtures.trustList(crypto);
        Hcn1Decoder decoder = new Hcn1Decoder();
        toBeSigned = new byte[BenchFixtures.CODES][];
        signatures = new byte[BenchFixtures.CODES][];
        for (int n = 0; n < BenchFixtures.CODES; n++) {
            Decoded.Signed<HealthCode> d = (Decoded.Signed<HealthCode>) decoder.decode(fixtures.codes()[n]);
            key = list.find(d.kid()).key();
            toBeSigned[n] = d.toBeSigned();
            signatures[n] = d.signature();
        }
        if (!verify()) {
            throw new IllegalStateException("fixture signature does not verify");
        }
    }

    @Benchmark
    public boolean verify() {
        int n = i++ & (BenchFixtures.CODES - 1);
        return verifier.verify(key, toBeSigned[n], signatures[n]);
    }
}
