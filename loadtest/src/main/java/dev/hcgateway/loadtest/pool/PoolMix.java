package dev.hcgateway.loadtest.pool;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The share of each category in a pool, and of proxy and paper codes among the valid ones. Written as
 * {@code green=80,yellow=8,red=4,expired=3,forged=3,garbage=2;proxy=5,paper=10} (weights, then percentages).
 */
public record PoolMix(Map<Category, Double> weights, double proxyShare, double paperShare) {

    /** A morning crowd: mostly green, a few of everything else. */
    public static final String DEFAULT = "green=80,yellow=8,red=4,expired=3,forged=3,garbage=2;proxy=5,paper=10";

    public PoolMix {
        weights = Map.copyOf(new EnumMap<>(weights));
        if (weights.values().stream().anyMatch(w -> w < 0) || weights.values().stream().mapToDouble(d -> d).sum() <= 0) {
            throw new IllegalArgumentException("mix weights must be non-negative and not all zero");
        }
        if (proxyShare < 0 || paperShare < 0 || proxyShare + paperShare > 1) {
            throw new IllegalArgumentException("proxy and paper shares must be in 0..100% together");
        }
    }

    /** Parses the textual form (see the class comment). */
    public static PoolMix parse(String text) {
        String[] parts = text.split(";", 2);
        Map<Category, Double> weights = new EnumMap<>(Category.class);
        for (String kv : parts[0].split(",")) {
            if (!kv.isBlank()) {
                String[] p = pair(kv);
                weights.put(Category.of(p[0]), Double.parseDouble(p[1]));
            }
        }
        double proxy = 0;
        double paper = 0;
        if (parts.length > 1) {
            for (String kv : parts[1].split(",")) {
                if (kv.isBlank()) {
                    continue;
                }
                String[] p = pair(kv);
                switch (p[0].trim().toLowerCase(Locale.ROOT)) {
                    case "proxy" -> proxy = Double.parseDouble(p[1]) / 100;
                    case "paper" -> paper = Double.parseDouble(p[1]) / 100;
                    default -> throw new IllegalArgumentException("unknown kind share \"" + p[0] + "\" (proxy, paper)");
                }
            }
        }
        return new PoolMix(weights, proxy, paper);
    }

    /** Returns only valid green codes: for throughput benchmarks, where every verify must go the full way. */
    public static PoolMix allGreen() {
        return new PoolMix(Map.of(Category.GREEN, 1.0), 0, 0);
    }

    /** Returns the category at a point {@code u} in [0, 1) of the cumulative weights. */
    public Category categoryAt(double u) {
        double total = weights.values().stream().mapToDouble(d -> d).sum();
        double at = u * total;
        Category last = null;
        for (Category c : Category.values()) {
            Double w = weights.get(c);
            if (w == null || w == 0) {
                continue;
            }
            last = c;
            at -= w;
            if (at < 0) {
                return c;
            }
        }
        return last;
    }

    /** Returns the share of a category, 0..1. */
    public double share(Category c) {
        return weights.getOrDefault(c, 0.0) / weights.values().stream().mapToDouble(d -> d).sum();
    }

    private static String[] pair(String kv) {
        String[] p = kv.split("=", 2);
        if (p.length != 2) {
            throw new IllegalArgumentException("mix item \"" + kv + "\" is not name=number");
        }
        return p;
    }
}
