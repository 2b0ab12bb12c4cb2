package dev.hcgateway.loadtest.authority;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How long the simulated store takes to answer: {@code fixed:MS}, {@code uniform:MIN-MAX}, or
 * {@code lognormal:MEDIAN,P99} (milliseconds; a long right tail, like a real back end under load).
 */
public record LatencyModel(Shape shape, double a, double b) {

    /** The shape of the distribution. */
    public enum Shape { FIXED, UNIFORM, LOGNORMAL }

    private static final double Z99 = 2.3263478740;

    public LatencyModel {
        if (a < 0 || b < 0 || (shape == Shape.UNIFORM && b < a) || (shape == Shape.LOGNORMAL && (a <= 0 || b < a))) {
            throw new IllegalArgumentException("bad latency model " + shape + " " + a + " " + b);
        }
    }

    /** No added latency. */
    public static LatencyModel none() {
        return new LatencyModel(Shape.FIXED, 0, 0);
    }

    /** Parses the textual form (see the class comment). */
    public static LatencyModel parse(String text) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split(":", 2);
        try {
            return switch (p[0]) {
                case "none" -> none();
                case "fixed" -> new LatencyModel(Shape.FIXED, Double.parseDouble(p[1]), 0);
                case "uniform" -> {
                    String[] r = p[1].split("-", 2);
                    yield new LatencyModel(Shape.UNIFORM, Double.parseDouble(r[0]), Double.parseDouble(r[1]));
                }
                case "lognormal" -> {
                    String[] r = p[1].split(",", 2);
                    yield new LatencyModel(Shape.LOGNORMAL, Double.parseDouble(r[0]), Double.parseDouble(r[1]));
                }
                default -> throw new IllegalArgumentException("unknown shape");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("latency \"" + text + "\" is not none, fixed:MS, uniform:MIN-MAX or "
                    + "lognormal:MEDIAN,P99", e);
        }
    }

    /** Draws one latency in milliseconds. */
    public long sampleMillis(SplittableRandom random) {
        double ms = switch (shape) {
            case FIXED -> a;
            case UNIFORM -> a + random.nextDouble() * (b - a);
            case LOGNORMAL -> {
                double sigma = Math.log(b / a) / Z99;
                yield a * Math.exp(sigma * gaussian(random));
            }
        };
        return Math.round(ms);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
