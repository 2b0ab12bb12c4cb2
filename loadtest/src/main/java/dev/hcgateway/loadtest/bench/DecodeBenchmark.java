package dev.hcgateway.loadtest.bench;

import dev.hcgateway.hcn1.Hcn1Decoder;
import dev.hcgateway.format.Decoded;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import dev.hcgateway.model.HealthCode;

/** Decode only: prefix, Base45, zlib, COSE_Sign1 and CWT claims of a typical code (no signature check). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

    private final Hcn1Decoder decoder = new Hcn1Decoder();
    private String[] codes;
    private int i;

    @Setup
    public void mint() throws Exception {
        codes = new BenchFixtures().codes();
    }

    @Benchmark
    public Decoded<HealthCode> decode() {
        return decoder.decode(codes[i++ & (BenchFixtures.CODES - 1)]);
    }
}
