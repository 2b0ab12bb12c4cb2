package dev.hcgateway.colour;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Scene;
import dev.hcgateway.support.FakeStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The colour stage's cost for a scan whose colour is cached (the common case online): {@code colourOf} of 1,024
 * subjects of one issuer, each cached from a real HTTP store at set-up. Uses only the stage's public API, so that
 * the same source measures any version of it; run with {@code -prof gc} for the bytes allocated per scan
 * ({@code gc.alloc.rate.norm}), a figure the machine's load does not move. Command (from {@code gateway/}):
 *
 * <pre>
 * ../mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * ../mvnw -B -o -q -DskipTests test-compile
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.openjdk.jmh.Main CachedColourScanBenchmark \
 *      -prof gc -wi 3 -w 2s -i 5 -r 2s -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CachedColourScanBenchmark {

    private static final int SUBJECTS = 1024;

    private Vertx vertx;
    private FakeStore store;
    private OnlineColours colours;
    private Scene scene;
    private final HealthCode[] codes = new HealthCode[SUBJECTS];
    private int i;

    @Setup(Level.Trial)
    public void cacheEverySubject() throws Exception {
        vertx = Vertx.vertx();
        store = new FakeStore().start(vertx).toCompletionStage().toCompletableFuture().get();
        store.ttlSeconds = 86_400L;
        GatewayConfig config = new ConfigLoader().defaultsWith(Map.of("authority.url", store.url(),
                "colour.budgetMs", 900, "colour.maxTtlSeconds", 86_400));
        colours = new OnlineColours(vertx, config, Clock.systemUTC(), new SimpleMeterRegistry());
        scene = config.scene("metro");
        long now = Clock.systemUTC().instant().getEpochSecond();
        store.asOf = now - 30;
        for (int s = 0; s < SUBJECTS; s++) {
            String subject = "s-bench-" + s;
            store.colours.put(subject, "green");
            codes[s] = new HealthCode("330100", subject, now - 60, now + 86_400, new byte[12], Colour.GREEN, now - 60,
                    CodeKind.PERSONAL, null, false);
            colours.colourOf(codes[s], scene).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        colours.close().toCompletionStage().toCompletableFuture().get();
        store.close().toCompletionStage().toCompletableFuture().get();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Benchmark
    public Future<ColourAnswer> scanCached() {
        return colours.colourOf(codes[i++ & (SUBJECTS - 1)], scene);
    }
}
