package dev.hcgateway.passback;

import java.time.Clock;
import java.util.SplittableRandom;

/**
 * Measures the heap one person costs in {@link Sightings} (a main, not run by the test suite; docs/passages.md):
 * the heap after GC with N people minus the heap with none, over N. People are random {@link PersonKey}s, their
 * places one of 300 stations (shared strings, as configured and as interned from the stream).
 * Usage: {@code java -cp ... dev.hcgateway.passback.SightingsFootprint [people, default 100000]}
 */
public final class SightingsFootprint {

    private SightingsFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String[] places = new String[300];
        for (int i = 0; i < places.length; i++) {
            places[i] = "SH-STATION-" + i;
        }
        SplittableRandom random = new SplittableRandom(42);
        Clock clock = Clock.systemUTC();
        for (int round = 0; round < 3; round++) {
            long empty = usedAfterGc();
            Sightings sightings = new Sightings(people * 2L, 120, 5, clock);
            long at = clock.millis();
            for (int i = 0; i < people; i++) {
                sightings.passed(new PersonKey(random.nextLong(), random.nextLong()), places[i % places.length], at);
            }
            long full = usedAfterGc();
            System.out.printf("round %d: %d people, %d bytes, %.1f B per person (held %d)%n", round, people,
                    full - empty, (full - empty) / (double) people, sightings.people());
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100); // a measuring main, not a test: lets the collector settle
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
