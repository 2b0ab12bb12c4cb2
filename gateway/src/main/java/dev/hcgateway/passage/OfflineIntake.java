package dev.hcgateway.passage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Takes the passages an offline gate hands in (offline-v1.md, section 3): refuses, one by one, those older than
 * the retention or more than five minutes ahead of the gateway's clock, recognises the ones it already holds, and
 * journals the rest, forced to disk before it answers (the gate deletes its copy on the answer; a passage it
 * judged an hour ago has no other copy). Idempotent by id twice over: ids taken recently are remembered (bounded),
 * and whatever comes again all the same (another gateway, a longer pause) is kept once by the store's key
 * {@code (at, id)}.
 */
public final class OfflineIntake {

    /** How far ahead of the gateway's clock a gate's passage may be: clocks of gates drift. */
    public static final long FUTURE_MILLIS = 5 * 60_000L;
    /** Ids remembered as taken: a gate's retry after a lost answer comes within minutes. ~100 B each. */
    static final int REMEMBERED = 200_000;
    static final Duration REMEMBER_FOR = Duration.ofMinutes(30);

    /** What became of a request's passages. */
    public sealed interface Receipt {
    }

    /** Every passage is either journalled (now or before) or refused in {@code rejected}. */
    public record Journalled(int accepted, int duplicates, List<Rejected> rejected) implements Receipt {
        public Journalled {
            rejected = List.copyOf(rejected);
        }
    }

    /** Not every passage could be journalled: the gate keeps them and sends them again later. */
    public record NotJournalled(Why why) implements Receipt {
        public NotJournalled {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Why passages could not be journalled. */
    public enum Why { NO_JOURNAL, JOURNAL_FULL, NOT_FORCED }

    /**
     * A passage refused for good: the gate drops it.
     *
     * @param id      the passage's id, or null when it had no readable one
     * @param reason  {@code too_old}, {@code in_future} or {@code invalid_passage}
     * @param message a sentence for the gate's operators (never a field's value)
     */
    public record Rejected(int index, String id, String reason, String message) {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    private final Vertx vertx;
    private final Journal journal;
    private final Places places;
    private final Clock clock;
    private final long retentionMillis;
    private final Cache<UUID, Boolean> taken;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    /** Creates the intake over {@code journal} (null: none, every request is refused). */
    OfflineIntake(Vertx vertx, Journal journal, Places places, Clock clock, int retentionDays,
                  MeterRegistry registry) {
        this.vertx = vertx;
        this.journal = journal;
        this.places = places;
        this.clock = clock;
        this.retentionMillis = retentionDays * PassageSchema.DAY;
        this.taken = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(REMEMBER_FOR)
                .executor(Runnable::run).build();
        this.accepted = counter(registry, "accepted");
        this.duplicates = counter(registry, "duplicate");
        this.rejected = counter(registry, "rejected");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("hc_passages_offline").tag("outcome", outcome)
                .description("Passages handed in by offline gates, by outcome: accepted (journalled), duplicate"
                        + " (held already), rejected (too old, in the future, or not a passage)")
                .register(registry);
    }

    /** Takes the entries of {@code gate} on a worker (file writes and a force); never fails for the gate's data. */
    public Future<Receipt> take(String gate, List<OfflineEntry> entries) {
        Objects.requireNonNull(gate, "gate");
        if (journal == null) {
            return Future.succeededFuture(new NotJournalled(Why.NO_JOURNAL));
        }
        return vertx.executeBlocking(() -> takeNow(gate, List.copyOf(entries)), false);
    }

    private Receipt takeNow(String gate, List<OfflineEntry> entries) {
        long now = clock.millis();
        String place = places.placeOf(gate);
        List<Rejected> refused = new ArrayList<>();
        List<Passage> fresh = new ArrayList<>(entries.size());
        Set<UUID> seen = new HashSet<>();
        int again = 0;
        for (OfflineEntry entry : entries) {
            if (entry instanceof OfflineEntry.Unreadable u) {
                refused.add(new Rejected(u.index(), u.id(), "invalid_passage", u.message()));
                continue;
            }
            OfflinePassage p = ((OfflineEntry.Readable) entry).passage();
            String id = p.id().toString();
            if (p.at() < now - retentionMillis) {
                refused.add(new Rejected(entry.index(), id, "too_old", "Older than the retention of passages."));
            } else if (p.at() > now + FUTURE_MILLIS) {
                refused.add(new Rejected(entry.index(), id, "in_future",
                        "More than 5 minutes ahead of the gateway's clock; check the gate's clock."));
            } else if (!seen.add(p.id()) || taken.getIfPresent(p.id()) != null) {
                again++;
            } else {
                fresh.add(p.at(gate, place));
            }
        }
        for (Passage p : fresh) {
            if (!journal.offer(p)) {
                // Those offered so far stay: sent again, the store keeps each once.
                return new NotJournalled(Why.JOURNAL_FULL);
            }
        }
        if (!fresh.isEmpty() && !journal.sync()) {
            return new NotJournalled(Why.NOT_FORCED);
        }
        for (Passage p : fresh) {
            taken.put(p.id(), Boolean.TRUE);
        }
        accepted.increment(fresh.size());
        duplicates.increment(again);
        rejected.increment(refused.size());
        return new Journalled(fresh.size(), again, refused);
    }
}
