package dev.hcgateway.passback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hcgateway.model.Outcome;
import java.time.Clock;
import java.time.Duration;

/**
 * Recent passes by person (keyed by {@link PersonKey}, this gateway's and, over Redis, the fleet's) and recent answers by gate and code, in bounded local maps that forget an entry once
 * the longest window of any scene has passed. Thread-safe; every call is in memory.
 */
public final class Sightings {

    /** A person's last pass: where and when (epoch milliseconds). */
    record Pass(String place, long at) {
    }

    /** The answer given to a code at a gate, and when. */
    record Read(Outcome answer, long at) {
    }

    private final Cache<PersonKey, Pass> passes;
    private final Cache<String, Read> reads;

    /** Creates the store: at most {@code maxEntries} people and as many reads, kept for the given windows. */
    public Sightings(long maxEntries, long passWindowSeconds, long rescanWindowSeconds, Clock clock) {
        // The ticker follows the injected clock, so tests move time instead of sleeping. Maintenance runs on the
        // calling thread: a write per scan must not wake a pool thread (docs/performance.md, "Third session").
        passes = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfterWrite(Duration.ofSeconds(Math.max(1, passWindowSeconds)))
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
        reads = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfterWrite(Duration.ofSeconds(Math.max(1, rescanWindowSeconds)))
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /** Returns a person's last pass, or null. */
    Pass lastPass(PersonKey person) {
        return passes.getIfPresent(person);
    }

    /** Notes that a person passed at a place (also what another gateway's sighting does). */
    public void passed(PersonKey person, String place, long at) {
        passes.asMap().merge(person, new Pass(place, at), (old, now) -> now.at() >= old.at() ? now : old);
    }

    /** Returns the last answer to this code at this gate, or null. */
    Read lastRead(String gateAndCode) {
        return reads.getIfPresent(gateAndCode);
    }

    /** Notes the answer given to a code at a gate. */
    void answered(String gateAndCode, Outcome answer, long at) {
        reads.put(gateAndCode, new Read(answer, at));
    }

    /** Returns how many people are held (for the memory bound). */
    public long people() {
        return passes.estimatedSize();
    }
}
