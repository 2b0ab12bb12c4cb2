package dev.hcgateway.revocation;

import dev.hcgateway.changes.ContactHealth;
import dev.hcgateway.changes.StreamHealth;
import dev.hcgateway.config.RedisConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the mirror trails Redis and what is wrong, as the follower reports it. The mirror is "confirmed" at
 * the instant the follower last knew it held everything Redis had: a stream read that came back short of its
 * COUNT, or the start of a snapshot. While a blocking read is outstanding on a live connection, Redis pushes
 * any new entry at once, so the lag is 0; otherwise it is the time since the mirror was last confirmed.
 */
final class MirrorHealth implements StreamHealth {

    private final Clock clock;
    private final RedisConfig config;
    private final long liveWindowMillis;
    private final ContactHealth contact;
    private volatile boolean loaded;
    private volatile long confirmedAt;
    private volatile long readSince;
    private volatile boolean readLive;
    private volatile String storeLost;
    private volatile String rolledBack;
    private volatile boolean loadFailing;

    MirrorHealth(Clock clock, RedisConfig config) {
        this.clock = clock;
        this.contact = new ContactHealth(clock);
        this.config = config;
        this.liveWindowMillis = (long) config.streamBlockMs() + config.commandTimeoutMs();
    }

    /** Notes that the mirror holds everything Redis held at {@code at} (epoch ms). */
    void confirmed(long at) {
        confirmedAt = Math.max(confirmedAt, at);
        loaded = true;
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

    /** Notes whether the last attempt to load the mirror at start failed (retried in the background). */
    void loadFailing(boolean failing) {
        loadFailing = failing;
    }

    boolean connected() {
        return contact.connected();
    }

    /** Returns the lag in milliseconds. */
    long lagMillis() {
        long now = clock.millis();
        if (readLive && contact.connected() && now - readSince <= liveWindowMillis) {
            return 0;
        }
        return loaded ? Math.max(0, now - confirmedAt) : 0;
    }

    /** Tells whether the lag exceeds {@code redis.maxStalenessSeconds}. */
    boolean stale() {
        return lagMillis() > config.maxStalenessSeconds() * 1000L;
    }

    /** Returns the state for readiness. */
    MirrorState state(long entries) {
        long lag = lagMillis();
        boolean stale = lag > config.maxStalenessSeconds() * 1000L;
        List<String> problems = new ArrayList<>();
        if (!loaded) {
            problems.add(loadFailing ? "revocation mirror not loaded yet: Redis unreachable or not initialised;"
                    + " retrying" : "revocation mirror not loaded yet");
        }
        if (storeLost != null) {
            problems.add(storeLost);
        }
        if (rolledBack != null) {
            problems.add(rolledBack);
        }
        if (stale) {
            problems.add("revocation mirror stale: " + lag / 1000 + " s behind Redis (limit "
                    + config.maxStalenessSeconds() + " s); revocations since then are unknown here");
        } else if (!contact.connected()) {
            problems.add("Redis unreachable for " + outageMillis() / 1000 + " s: judging from the last mirror");
        }
        // Never loaded: nothing to judge revocations by, so no traffic (alive but not ready).
        boolean serving = loaded && !(stale && config.onStale() == RedisConfig.OnStale.UNREADY);
        return new MirrorState("redis", contact.connected(), lag, entries, serving,
                problems.isEmpty() ? null : String.join("; ", problems));
    }
}
