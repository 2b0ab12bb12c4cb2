package dev.hcgateway.revocation;

import dev.hcgateway.changes.StreamId;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a Redis that went back to an older copy of its data (a failover to a lagging replica, a restart from an
 * older dump) from one that merely moved on. Every write raises the change counter and stores it in its stream
 * entry, so the counter a gateway sees only rises; a stored counter below the highest seen, an entry whose
 * counter is not above it, or a stream whose newest id is behind the last one read means writes were lost.
 * Then the store is flagged (the mirror is kept: it still holds what was lost) and the finding is written to
 * the {@code lost} key, so that every gateway, also one started later, reports it until an operator clears it.
 * Used by the follower thread only.
 */
final class RollbackWatch {

    private static final Logger LOG = LoggerFactory.getLogger(RollbackWatch.class);

    private final MirrorHealth health;
    private final Clock clock;
    private volatile long highest; // written by the follower thread only
    private String toReport;
    private boolean reloadDue;

    RollbackWatch(MirrorHealth health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    /**
     * Notes the counter stored in Redis before a load. A load for a new generation starts a new count; any other
     * load checks it against what was seen first.
     */
    void loading(long stored, boolean newGeneration) {
        if (!newGeneration && stored < highest) {
            found("Redis holds change counter " + stored + ", below " + highest + " seen before");
        }
        // Found or not, the count goes on from what Redis holds now: a rollback is reported once, not forever.
        highest = stored;
    }

    /** Goes on from the highest counter a mirror read from disk had seen: a lower one in Redis is a rollback. */
    void resume(long counter) {
        highest = counter;
    }

    /** Returns the highest counter seen (any thread may ask). */
    long highest() {
        return highest;
    }

    /** Notes the counter of an applied stream entry ({@code n}); entries without one (direct writers) are skipped. */
    void entry(String n) {
        long value = parse(n);
        if (value <= 0) {
            return;
        }
        if (value <= highest) {
            found("change stream entry with counter " + value + " after " + highest + " was seen");
        }
        highest = value;
    }

    /** Notes the counter Redis holds now, read while the marker still names the generation followed. */
    void stored(String value) {
        long stored = parse(value);
        if (stored < highest) {
            found("Redis holds change counter " + stored + ", below " + highest + " seen before");
            highest = stored;
        }
    }

    /** Notes that the stream's newest id is behind the last one this gateway read. */
    void streamRegressed(StreamId newest, StreamId lastSeen) {
        found("change stream ends at " + newest + ", before " + lastSeen + " read earlier");
    }

    /** Notes the {@code lost} key's value: present, the store is flagged; removed by an operator, cleared. */
    void lostKey(String value) {
        if (value != null) {
            health.rolledBack("revocation data rolled back in Redis (" + value + "): judging from the last mirror;"
                    + " restore it, then clear the finding (docs/revocation.md)");
        } else if (toReport == null && health.isRolledBack()) {
            LOG.info("the rollback finding was cleared in Redis by an operator: problem cleared");
            health.rolledBack(null);
        }
    }

    /** Returns the finding still to write to the {@code lost} key, or null. */
    String toReport() {
        return toReport;
    }

    /** Notes that the finding is in the {@code lost} key. */
    void reported() {
        toReport = null;
    }

    /** Returns true once per finding: the set is then reloaded and merged, in case the older copy holds more. */
    boolean takeReloadDue() {
        boolean due = reloadDue;
        reloadDue = false;
        return due;
    }

    private void found(String what) {
        String finding = what + " at " + Instant.ofEpochMilli(clock.millis());
        LOG.error("Redis lost acknowledged writes ({}): it went back to an older copy. Judging from the last mirror,"
                + " which keeps them; restore Redis and clear the finding (docs/revocation.md)", finding);
        toReport = finding;
        reloadDue = true;
        health.rolledBack("revocation data rolled back in Redis (" + finding + "): judging from the last mirror");
    }

    private static long parse(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
