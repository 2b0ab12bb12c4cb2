package dev.hcgateway.loadtest.simulations;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples of the gateway's heap in use ({@code hc_jvm_memory_used_bytes{area="heap"}} summed over pools) and the
 * verdict on them. Heap in use saws up and down with every young collection, so the verdict compares the lowest
 * sample (closest to the live set) of the first and the last third of the run, after a warm-up share.
 */
public final class MemoryTrend {

    private final List<long[]> samples = new ArrayList<>();
    private final long maxGrowthBytes;

    /** Creates a trend that calls growth over {@code maxGrowthBytes} a leak. */
    public MemoryTrend(long maxGrowthBytes) {
        this.maxGrowthBytes = maxGrowthBytes;
    }

    /** Records the heap in use from a Prometheus scrape; returns it, or -1 when the scrape has no such family. */
    public synchronized long record(String scrape) {
        long heap = heapUsed(scrape);
        if (heap >= 0) {
            samples.add(new long[]{System.currentTimeMillis(), heap});
        }
        return heap;
    }

    /** Sums {@code hc_jvm_memory_used_bytes} over the heap pools of a scrape; -1 when absent. */
    static long heapUsed(String scrape) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("hc_jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? (long) sum : -1;
    }

    /** Returns "flat", or why not. */
    public synchronized String verdict() {
        if (samples.size() < 6) {
            return "too few memory samples (" + samples.size() + "): run longer or sample more often";
        }
        int skip = samples.size() / 6;
        List<long[]> steady = samples.subList(skip, samples.size());
        int third = steady.size() / 3;
        long early = min(steady.subList(0, third));
        long late = min(steady.subList(steady.size() - third, steady.size()));
        long growth = late - early;
        String what = String.format("heap floor %.1f MiB -> %.1f MiB over %d samples", early / 1048576.0,
                late / 1048576.0, samples.size());
        System.out.println("[memory] " + what);
        return growth <= maxGrowthBytes ? "flat" : "grew: " + what + " (allowed +" + maxGrowthBytes / 1048576 + " MiB)";
    }

    private static long min(List<long[]> window) {
        return window.stream().mapToLong(s -> s[1]).min().orElse(0);
    }
}
