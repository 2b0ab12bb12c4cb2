package dev.hcgateway.loadtest.simulations;

import dev.hcgateway.loadtest.pool.CodePool;
import dev.hcgateway.loadtest.pool.PoolEntry;
import dev.hcgateway.loadtest.pool.PoolGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Feeds scans from the pool, round and round from a random start, each at a scene drawn from the mix. A pooled
 * code older than the refresh age is re-minted (same subject and category, issued now) before it is sent, as
 * a phone app refreshes its code, so long runs stay within the metro's 180-second screenshot rule.
 * Several feeds may share one feeder, so it is synchronized.
 */
public final class CodeFeeder implements Iterator<Map<String, Object>> {

    private final PoolEntry[] entries;
    private final long[] mintedAt;
    private final PoolGenerator generator;
    private final long refreshSeconds;
    private final SceneMix scenes;
    private final SplittableRandom random = new SplittableRandom();
    private long cursor;

    /** Creates a feeder over a pool; {@code generator} may be null (then codes are never re-minted). */
    public CodeFeeder(CodePool pool, PoolGenerator generator, SceneMix scenes) {
        this.entries = pool.entries().toArray(PoolEntry[]::new);
        this.mintedAt = new long[entries.length];
        java.util.Arrays.fill(mintedAt, pool.mintedAt());
        this.generator = generator;
        this.refreshSeconds = LoadParams.integer("hc.pool.refreshSeconds", 120);
        this.scenes = scenes;
        this.cursor = random.nextInt(entries.length);
    }

    /** Returns the next pooled code, re-minted first when it is too old. */
    public synchronized PoolEntry nextEntry() {
        int i = (int) (cursor++ % entries.length);
        long now = System.currentTimeMillis() / 1000;
        if (generator != null && now - mintedAt[i] > refreshSeconds) {
            entries[i] = generator.mint(i, now);
            mintedAt[i] = now;
        }
        return entries[i];
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public synchronized Map<String, Object> next() {
        PoolEntry e = nextEntry();
        String scene = scenes.pick(random);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("entry", e);
        record.put("category", e.category().wire());
        record.put("scene", scene);
        record.put("body", new JsonObject().put("code", e.code()).put("scene", scene).put("gate", gate()).encode());
        return record;
    }

    /** Returns a feeder of check-in batches: 1..{@code max} codes at one scene. */
    public Supplier<Iterator<Map<String, Object>>> batches(int max, String scene) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                synchronized (CodeFeeder.this) {
                    return batch();
                }
            }

            private Map<String, Object> batch() {
                int n = 1 + random.nextInt(max);
                List<PoolEntry> batch = new ArrayList<>(n);
                JsonArray codes = new JsonArray();
                for (int i = 0; i < n; i++) {
                    PoolEntry e = nextEntry();
                    batch.add(e);
                    codes.add(e.code());
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("entries", batch);
                record.put("scene", scene);
                record.put("size", n);
                record.put("body", new JsonObject().put("scene", scene).put("gate", "DESK-" + random.nextInt(50))
                        .put("codes", codes).encode());
                return record;
            }
        };
    }

    private String gate() {
        return Stations.gate(random);
    }

    /** A weighted choice of scenes, written {@code metro=70,rail=20,venue=10}. */
    public record SceneMix(List<String> names, double[] cumulative) {

        /** Parses the mix; every name must be a scene of the default configuration. */
        public static SceneMix parse(String text, Expectations known) {
            List<String> names = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (String kv : text.split(",")) {
                String[] p = kv.trim().split("=", 2);
                if (!known.sceneNames().contains(p[0])) {
                    throw new IllegalArgumentException("unknown scene " + p[0] + " in hc.scenes");
                }
                names.add(p[0]);
                weights.add(p.length == 2 ? Double.parseDouble(p[1]) : 1.0);
            }
            double total = weights.stream().mapToDouble(d -> d).sum();
            double[] cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i) / total;
                cumulative[i] = sum;
            }
            return new SceneMix(List.copyOf(names), cumulative);
        }

        String pick(SplittableRandom random) {
            double u = random.nextDouble();
            for (int i = 0; i < cumulative.length; i++) {
                if (u < cumulative[i]) {
                    return names.get(i);
                }
            }
            return names.get(names.size() - 1);
        }
    }
}
