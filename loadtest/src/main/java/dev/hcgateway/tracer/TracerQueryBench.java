package dev.hcgateway.tracer;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.passage.PassageStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Times the tracer's three queries (the gateway's own {@link PassageReads} and {@link CompanionReads}, their SQL and
 * pool) against a table
 * filled by {@code loadtest/bench/passages-fill.sh}: place + 30-minute window, one person's 14-day itinerary,
 * and that person's companions over 14 days within ±30 minutes. Parameters are drawn from sampled passages
 * (so busy places and busy people come up as often as they scan); queries run one at a time and each is timed
 * end to end, rows decoded. Usage: {@code hc-loadtest main dev.hcgateway.tracer.TracerQueryBench [url] [n]}.
 */
public final class TracerQueryBench {

    private TracerQueryBench() {
    }

    /** Runs {@code n} (default 200) queries of each kind after 20 of warm-up, and prints p50/p99/max. */
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "postgresql://postgres@127.0.0.1:5432/hc_bench";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Vertx vertx = Vertx.vertx();
        var config = new ConfigLoader().defaultsWith(Map.of("passages.url", url, "passages.timeoutMs", 30_000,
                "passages.poolSize", 1)).passages();
        Pool pool = PassageStore.pool(vertx, config);
        PassageReads passages = new PassageReads(pool);
        CompanionReads companions = new CompanionReads(pool);
        Random random = new Random(42);
        List<Row> sample = new ArrayList<>();
        await(pool.query("SELECT issuer, subject, place, at FROM passages TABLESAMPLE SYSTEM (0.05) "
                + "WHERE subject IS NOT NULL LIMIT 5000").execute()).forEach(sample::add);
        long newest = await(pool.query("SELECT max(at) FROM passages").execute()).iterator().next().getLong(0);
        long days14 = 14 * Params.DAY;
        UUID nil = new UUID(0, 0);
        System.out.printf("table: sampled %d passages; newest %s%n", sample.size(), PassageReads.iso(newest));
        Function<Row, PassageQuery> place = r -> {
            long start = Math.floorDiv(r.getLong(3), 1_800_000L) * 1_800_000L; // the half hour of a real passage
            return new PassageQuery(new Who(Who.By.PLACE, r.getString(2), null), start, start + 1_800_000L,
                    Long.MIN_VALUE, nil, Params.DEFAULT_LIMIT, "bench", null);
        };
        Function<Row, PassageQuery> person = r -> new PassageQuery(new Who(Who.By.PERSON, r.getString(0),
                r.getString(1)), newest + 1 - days14, newest + 1, Long.MIN_VALUE, nil, Params.DEFAULT_LIMIT, "bench",
                null);
        run("place+30min", n, sample, random, place, q -> passages.page(q, 0).map(Answer::rows));
        run("itinerary 14d", n, sample, random, person, q -> passages.page(q, 0).map(Answer::rows));
        run("companions 14d ±30min", n, sample, random, person, q -> companions.companions(new CompanionQuery(
                q.who(), q.from(), q.to(), 30, Params.DEFAULT_LIMIT, "bench"), q.from()).map(Answer::rows));
        await(pool.close());
        await(vertx.close());
    }

    private static void run(String name, int n, List<Row> sample, Random random, Function<Row, PassageQuery> make,
                            Function<PassageQuery, Future<Integer>> query) throws Exception {
        for (int i = 0; i < 20; i++) {
            await(query.apply(make.apply(sample.get(random.nextInt(sample.size())))));
        }
        long[] nanos = new long[n];
        long rows = 0;
        for (int i = 0; i < n; i++) {
            PassageQuery q = make.apply(sample.get(random.nextInt(sample.size())));
            long start = System.nanoTime();
            rows += await(query.apply(q));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-24s n=%d  p50 %.1f ms  p99 %.1f ms  max %.1f ms  (mean %.1f rows)%n", name, n,
                ms(nanos[n / 2]), ms(nanos[(int) Math.ceil(n * 0.99) - 1]), ms(nanos[n - 1]), rows / (double) n);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
