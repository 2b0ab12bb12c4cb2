package dev.hcgateway.passback;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This gateway's passes waiting to be published: lock-free for the event loops that add, bounded: past
 * {@code max} the oldest is dropped (a sighting older than the window is worth nothing) and counted.
 */
final class SightingQueue {

    /** One pass to publish. */
    record Sighting(PersonKey person, String place, long at) {
    }

    private final ConcurrentLinkedQueue<Sighting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int max;

    SightingQueue(int max) {
        this.max = max;
    }

    /** Adds a sighting; returns how many old ones were dropped to make room (0 or 1). */
    int offer(Sighting sighting) {
        queue.add(sighting);
        if (size.incrementAndGet() <= max) {
            return 0;
        }
        if (queue.poll() != null) {
            size.decrementAndGet();
            return 1;
        }
        return 0;
    }

    /** Takes up to {@code n} of the oldest sightings. */
    List<Sighting> drain(int n) {
        List<Sighting> out = new ArrayList<>(Math.min(n, Math.max(1, size.get())));
        Sighting s;
        while (out.size() < n && (s = queue.poll()) != null) {
            size.decrementAndGet();
            out.add(s);
        }
        return out;
    }

    /** Returns how many are waiting. */
    int size() {
        return size.get();
    }
}
