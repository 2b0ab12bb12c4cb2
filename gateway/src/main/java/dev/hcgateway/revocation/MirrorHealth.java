package dev.hcgateway.revocation;

import dev.hcgateway.changes.ContactHealth;
import dev.hcgateway.changes.StreamHealth;
import dev.hcgateway.config.RedisConfig;
import dev.hcgateway.revocation.MirrorState.Freshness;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the mirror trails Redis and what is wrong, as the follower reports it. The mirror is "confirmed" at
 * the instant the follower last knew it held everything Redis had: a stream read that came back short of its
 * COUNT, or the start of a snapshot (a mirror loaded from disk carries the instant it was confirmed before it was
 * written). While a blocking read is outstanding on a live connection, Redis pushes any new entry at once, so the
 * lag is 0; otherwise it is the time since the mirror was last confirmed, and while nothing is loaded, the time
 * since the gateway started without one.
 */
final class MirrorHealth implements StreamHealth {

    private final Clock clock;
    private final RedisConfig config;
    private final long liveWindowMillis;
    private final long startedAt;
    private final ContactHealth contact;
    private volatile boolean loaded;
    private volatile boolean fromDisk;
    private volatile long confirmedAt;
    private volatile long readSince;
    private volatile boolean readLive;
    private volatile String storeLost;
    private volatile String rolledBack;
    private volatile String loadProblem;

    MirrorHealth(Clock clock, RedisConfig config) {
        this.clock = clock;
        this.contact = new ContactHealth(clock);
        this.config = config;
        this.startedAt = clock.millis();
        this.liveWindowMillis = (long) config.streamBlockMs() + config.commandTimeoutMs();
    }

    /** Notes that the mirror holds everything Redis held at {@code at} (epoch ms). */
    void confirmed(long at) {
        confirmedAt = Math.max(confirmedAt, at);
        loaded = true;
        fromDisk = false;
        loadProblem = null;
    }

    /** Notes a mirror read from disk, confirmed against Redis at {@code at} before it was written. */
    void loadedFromDisk(long at) {
        if (!loaded) {
            confirmedAt = at;
            loaded = true;
            fromDisk = true;
        }
    }

    /** Notes a blocking read starting; {@code caughtUp} when everything before it has been applied. */
    @Override
    public void readStarted(boolean caughtUp) {
        long now = clock.millis();
        if (caughtUp) {
            confirmed(now);
        }
        readSince = now;
        readLive = caughtUp;
    }

    /** Notes a read's end; {@code caughtUp} when it came back short of its COUNT. */
    @Override
    public void readEnded(boolean caughtUp) {
        readLive = false;
        if (caughtUp) {
            confirmed(clock.millis());
        }
    }

    /** Notes a successful reply; returns true when this ends an outage. */
    @Override
    public boolean contact() {
        return contact.contact();
    }

    /** Notes a failed command; returns true when this starts an outage. */
    @Override
    public boolean noContact() {
        readLive = false;
        return contact.noContact();
    }

    /** Returns how long the current outage has lasted, 0 when connected. */
    @Override
    public long outageMillis() {
        return contact.outageMillis();
    }

    /** Flags the store's data as lost (flushed, or replaced by another generation), or clears it with null. */
    void storeLost(String why) {
        storeLost = why;
    }

    /** Flags the store as rolled back to an older copy (change counter or stream went backwards), or clears it. */
    void rolledBack(String why) {
        rolledBack = why;
    }

    boolean isStoreLost() {
        return storeLost != null || rolledBack != null;
    }

    boolean isRolledBack() {
        return rolledBack != null;
    }

    /** Notes why the last attempt to load the mirror from Redis failed (retried in the background), or null. */
    void loadFailed(String why) {
        loadProblem = why;
    }

    boolean connected() {
        return contact.connected();
    }

    boolean loaded() {
        return loaded;
    }

    /** Returns the lag in milliseconds. */
    long lagMillis() {
        long now = clock.millis();
        if (!loaded) {
            return Math.max(0, now - startedAt);
        }
        if (readLive && contact.connected() && now - readSince <= liveWindowMillis) {
            return 0;
        }
        return Math.max(0, now - confirmedAt);
    }

    /** Tells whether the lag exceeds {@code redis.maxStalenessSeconds} (reported and alerted on). */
    boolean stale() {
        return loaded && lagMillis() > config.maxStalenessSeconds() * 1000L;
    }

    /** Tells whether scans may be judged by the mirror: loaded and within its bounds. */
    boolean serving() {
        return loaded && serving(lagMillis());
    }

    private boolean serving(long lag) {
        boolean stale = lag > config.maxStalenessSeconds() * 1000L;
        return lag <= config.maxStaleSeconds() * 1000L && !(stale && config.onStale() == RedisConfig.OnStale.UNREADY);
    }

    /** Returns whether the mirror is live, stale or unloaded. */
    Freshness freshness() {
        if (!loaded) {
            return Freshness.UNLOADED;
        }
        return fromDisk || !contact.connected() ? Freshness.STALE : Freshness.LIVE;
    }

    /** Returns the state for readiness. */
    MirrorState state(long entries) {
        long lag = lagMillis();
        boolean serving = loaded && serving(lag);
        List<String> problems = new ArrayList<>();
        if (!loaded) {
            String why = loadProblem != null ? loadProblem : "loading from Redis";
            problems.add("revocation mirror not loaded (" + why + "): judging nothing (503 not_ready) until it is");
        } else if (fromDisk) {
            problems.add("judging from the on-disk mirror confirmed " + lag / 1000 + " s ago (at "
                    + Instant.ofEpochMilli(confirmedAt) + ") until Redis answers");
        }
        if (storeLost != null) {
            problems.add(storeLost);
        }
        if (rolledBack != null) {
            problems.add(rolledBack);
        }
        if (loaded && lag > config.maxStaleSeconds() * 1000L) {
            problems.add("revocation mirror " + lag / 1000 + " s behind Redis, past redis.maxStaleSeconds ("
                    + config.maxStaleSeconds() + " s): judging nothing (503 not_ready)");
        } else if (loaded && lag > config.maxStalenessSeconds() * 1000L) {
            problems.add("revocation mirror stale: " + lag / 1000 + " s behind Redis (limit "
                    + config.maxStalenessSeconds() + " s); revocations since then are unknown here");
        }
        if (contact.down()) {
            problems.add("Redis unreachable for " + outageMillis() / 1000 + " s");
        } else if (!contact.connected() && loaded) {
            problems.add("Redis not reached yet");
        }
        return new MirrorState("redis", freshness(), loaded ? (fromDisk ? "disk" : "redis") : null,
                contact.connected(), lag, entries, serving, problems.isEmpty() ? null : String.join("; ", problems));
    }
}
