package dev.hcgateway.revocation;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Colour;
import dev.hcgateway.config.ConfigLoader;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Measures the mirror at scale: fills Redis with N revoked code ids (pipelined SADD, under a throw-away key
 * prefix, deleted afterwards), starts a {@link RedisRevocations} on it, and reports the start-up load time, the
 * exact size of the mirror's tables and the heap it took. Not a test (the name keeps surefire off it); run:
 *
 * <pre>
 * ./mvnw -B -o -q -pl gateway test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/hc-cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/hc-cp.txt) \
 *     dev.hcgateway.revocation.MirrorLoadBenchmark redis://127.0.0.1:6379/0 10000000
 * </pre>
 */
public final class MirrorLoadBenchmark {

    private static final long SEED = 20_260_101L;

    private MirrorLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args.length > 0 ? args[0] : "redis://127.0.0.1:6379/0";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        String prefix = "hcbench:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        RedisKeys keys = RedisKeys.under(prefix);
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(Duration.ofMinutes(2));
        RedisClient client = RedisClient.create(redisUri);
        Vertx vertx = Vertx.vertx();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            long t0 = System.nanoTime();
            fill(connection, keys, count);
            System.out.printf("filled %,d ids into %s in %.1f s (Redis used_memory now %s)%n", count, keys.codes(),
                    (System.nanoTime() - t0) / 1e9, memory(connection));
            try {
                measure(vertx, uri, prefix, count);
            } finally {
                connection.sync().unlink(keys.codes(), keys.subjects(), keys.marker(), keys.changes());
                System.out.println("deleted " + prefix + "*");
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            client.shutdown();
        }
    }

    private static void fill(StatefulRedisConnection<String, String> connection, RedisKeys keys, int count) {
        RedisAsyncCommands<String, String> redis = connection.async();
        connection.setAutoFlushCommands(false);
        SplittableRandom random = new SplittableRandom(SEED);
        List<RedisFuture<Long>> pending = new ArrayList<>();
        String[] batch = new String[1000];
        int inBatch = 0;
        for (int i = 0; i < count; i++) {
            batch[inBatch++] = nextIdHex(random);
            if (inBatch == batch.length || i == count - 1) {
                pending.add(redis.sadd(keys.codes(), java.util.Arrays.copyOf(batch, inBatch)));
                inBatch = 0;
                if (pending.size() == 100) {
                    connection.flushCommands();
                    pending.forEach(f -> f.toCompletableFuture().join());
                    pending.clear();
                }
            }
        }
        connection.flushCommands();
        pending.forEach(f -> f.toCompletableFuture().join());
        connection.setAutoFlushCommands(true);
        connection.sync().set(keys.marker(), "bench");
    }

    private static void measure(Vertx vertx, String uri, String prefix, int count) throws Exception {
        var config = new ConfigLoader().defaultsWith(Map.of("redis.uri", uri, "redis.keyPrefix", prefix)).redis();
        long heapBefore = usedHeapAfterGc();
        RedisRevocations store = new RedisRevocations(vertx, config, Clock.systemUTC(), new SimpleMeterRegistry());
        long t0 = System.nanoTime();
        store.start().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = usedHeapAfterGc();
        Mirror mirror = store.mirror();
        long tableBytes = mirror.bytes();
        System.out.printf("loaded %,d code ids in %.2f s (%,.0f ids/s)%n", mirror.codeCount(), loadSeconds,
                mirror.codeCount() / loadSeconds);
        System.out.printf("code table: %,d slots x 8 B, load %.3f; both tables %,d B = %.2f B per revoked code%n",
                mirror.codeCapacity(), (double) mirror.codeCount() / mirror.codeCapacity(), tableBytes,
                (double) tableBytes / count);
        System.out.printf("heap delta after GC (tables + Lettuce/Netty client): %,d B = %.2f B per revoked code%n",
                heapAfter - heapBefore, (double) (heapAfter - heapBefore) / count);
        check(store, count);
        store.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void check(RedisRevocations store, int count) {
        SplittableRandom members = new SplittableRandom(SEED);
        int sample = Math.min(count, 1_000_000);
        int missing = 0;
        for (int i = 0; i < sample; i++) {
            if (!store.isRevoked(code(nextIdHex(members)))) {
                missing++;
            }
        }
        SplittableRandom others = new SplittableRandom(SEED + 1);
        HealthCode[] strangers = new HealthCode[1_000_000];
        for (int i = 0; i < strangers.length; i++) {
            strangers[i] = code(nextIdHex(others));
        }
        int falsePositives = 0;
        long t0 = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            for (HealthCode c : strangers) {
                if (store.isRevoked(c)) {
                    falsePositives++;
                }
            }
        }
        double nsPerLookup = (System.nanoTime() - t0) / (5.0 * strangers.length);
        System.out.printf("members found: %,d of %,d; false positives among %,d strangers: %d%n", sample - missing,
                sample, strangers.length, falsePositives / 5);
        System.out.printf("isRevoked of an unrevoked code, one thread: ~%.0f ns (indicative only; not JMH)%n",
                nsPerLookup);
    }

    private static HealthCode code(String idHex) {
        return new HealthCode("330100", "s-bench", 1000, 2000, HexFormat.of().parseHex(idHex), Colour.GREEN, 1000,
                CodeKind.PERSONAL, null, false);
    }

    private static String nextIdHex(SplittableRandom random) {
        byte[] id = new byte[12];
        long a = random.nextLong();
        int b = random.nextInt();
        for (int i = 0; i < 8; i++) {
            id[i] = (byte) (a >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            id[8 + i] = (byte) (b >>> (8 * i));
        }
        return HexFormat.of().formatHex(id);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String memory(StatefulRedisConnection<String, String> connection) {
        for (String line : connection.sync().info("memory").split("\r\n")) {
            if (line.startsWith("used_memory_human:")) {
                return line.substring(line.indexOf(':') + 1);
            }
        }
        return "?";
    }
}
