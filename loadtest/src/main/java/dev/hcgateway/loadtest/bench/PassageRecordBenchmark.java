package dev.hcgateway.loadtest.bench;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.passage.Passages;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording a passage costs the scan path: build the passage from a verdict, encode its frame, and
 * {@code write()} it to the journal's open segment (page cache; the periodic fsync is not on this path).
 * A fresh journal per iteration keeps the disk bounded (~50 MB per iteration).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PassageRecordBenchmark {

    private Vertx vertx;
    private Path dir;
    private Passages passages;
    private final Verdict verdict = new Verdict(Decision.PASS, Reason.OK, new HealthCode("330100", "s-bench-000001",
            1_795_300_000L, 1_795_303_600L, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
            Colour.GREEN, 1_795_300_000L, CodeKind.PERSONAL, null, true), Colour.GREEN, ColourSource.CODE, false);

    @Setup(Level.Iteration)
    public void open() throws IOException {
        vertx = Vertx.vertx();
        dir = Files.createTempDirectory("hc-passage-bench");
        passages = new Passages(vertx, new ConfigLoader().defaultsWith(Map.of("passages.journal", dir.toString(),
                "places", Map.of("SH-L2-PEOPLESQ-", Map.of("id", "SH-PEOPLESQ", "name", "People's Square")))),
                Clock.systemUTC(), new SimpleMeterRegistry());
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        passages.close().await(30, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public boolean record() {
        return passages.record("SH-L2-PEOPLESQ-G07", "metro", verdict);
    }
}
