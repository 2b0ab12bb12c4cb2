package dev.hcgateway.passage;

import dev.hcgateway.config.ConfigLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Measures shipping throughput: fills a fresh journal with {@code n} passages of a city (300 places, 4 gates
 * each), then starts the gateway's own {@link Shipper} against a fresh database (its schema made by the
 * gateway's migration, all three indexes in place) and times until the store has every passage, with the JVM's
 * CPU time while shipping. Usage: {@code hc-loadtest main dev.hcgateway.passage.ShippingBench [n] [batchSize]
 * [database] [inFlight]}; the database (default {@code hc_bench_ship}, name must start with {@code hc_bench}) is
 * dropped and created; {@code inFlight} defaults to the gateway's {@code passages.shipInFlight}.
 */
public final class ShippingBench {

    private ShippingBench() {
    }

    /** Runs one fill-and-ship and prints passages/s. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String db = args.length > 2 ? args[2] : "hc_bench_ship";
        Map<String, Object> inFlight = args.length > 3 ? Map.of("passages.shipInFlight", Integer.parseInt(args[3]))
                : Map.of();
        if (!db.startsWith("hc_bench")) {
            throw new IllegalArgumentException("database name must start with hc_bench (it is dropped)");
        }
        Vertx vertx = Vertx.vertx();
        String admin = "postgresql://postgres@127.0.0.1:5432/postgres";
        Pool adminPool = PassageStore.pool(vertx, new ConfigLoader().defaultsWith(Map.of("passages.url", admin,
                "passages.timeoutMs", 60_000)).passages());
        await(adminPool.query("DROP DATABASE IF EXISTS " + db).execute());
        await(adminPool.query("CREATE DATABASE " + db).execute());
        await(adminPool.close());

        Path dir = Files.createTempDirectory("hc-ship-bench");
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("passages.journal", dir.toString(),
                "passages.url", "postgresql://postgres@127.0.0.1:5432/" + db, "passages.batchSize", batch,
                "passages.timeoutMs", 60_000));
        settings.putAll(inFlight);
        var config = new ConfigLoader().defaultsWith(settings).passages();
        Journal journal = new Journal(dir, config.journalMaxBytes(), config.segmentBytes());
        Clock clock = Clock.systemUTC();
        Random random = new Random(7);
        long now = clock.millis();
        long fillStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int place = (int) (300 * Math.pow(random.nextDouble(), 2));
            long at = now - 3_600_000L + (long) i * 3_600_000L / n;
            String subject = Long.toHexString(0x1000_0000_0000L + random.nextInt(3_000_000));
            journal.append(new Passage(Uuid7.at(at), at, "G-%03d-%d".formatted(place, random.nextInt(4)),
                    "P%03d".formatted(place), "metro", "pass", "ok", "green", "authority", false, "CN-SH",
                    subject, "personal", Long.toHexString(random.nextLong() & Long.MAX_VALUE), null, false));
        }
        journal.sync();
        System.out.printf("journal: %d passages, %d bytes, filled in %.1f s%n", n, journal.bytes(),
                (System.nanoTime() - fillStart) / 1e9);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PassageMetrics metrics = new PassageMetrics(registry, journal, clock);
        PassageStore store = new PassageStore(vertx, config, journal, metrics, clock);
        await(store.migrate());
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        await(store.start());
        while (registry.get("hc_passages_shipped").counter().count() < n) {
            Thread.sleep(20); // a bench polling its own progress, not a test waiting for time
            if (System.nanoTime() - start > 600_000_000_000L) {
                throw new IllegalStateException("not shipped within 10 minutes");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf("shipped %d passages in %.2f s: %.0f passages/s (batch %d, %d in flight); JVM CPU while "
                + "shipping %.1f s, %.1f µs per passage%n", n, seconds, n / seconds, batch, config.shipInFlight(), cpu,
                cpu / n * 1e6);
        await(store.close());
        journal.close();
        await(vertx.close());
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
