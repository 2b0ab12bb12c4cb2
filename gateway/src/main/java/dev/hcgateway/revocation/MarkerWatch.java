package dev.hcgateway.revocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the marker key ({@code <prefix>revocations:epoch}), whose value names the generation of the
 * revocation data. Redis reads a missing set as empty; the marker tells "nothing revoked" from "everything
 * lost": when the generation this gateway loaded disappears (FLUSHALL, a restart without persistence, a
 * failover to an empty replica) or is replaced by another, the store is flagged lost, the mirror is kept and
 * any new generation is merged into it. The flag clears when the loaded generation comes back (restore).
 */
final class MarkerWatch {

    private static final Logger LOG = LoggerFactory.getLogger(MarkerWatch.class);

    private final String key;
    private final MirrorHealth health;
    private final String newGeneration;
    private String loaded;
    private String followed;

    /** Creates the watch; {@code newGeneration} is what this gateway writes when it must create the marker. */
    MarkerWatch(String key, MirrorHealth health, String newGeneration) {
        this.key = key;
        this.health = health;
        this.newGeneration = newGeneration;
    }

    /** Returns the generation this gateway writes into a missing marker. */
    String newGeneration() {
        return newGeneration;
    }

    /** Notes the generation the mirror was first loaded from. */
    void loaded(String generation) {
        loaded = generation;
        followed = generation;
    }

    /** Judges the marker's current value; returns the reason to reload the set ({@code generation}, {@code restored}), or null. */
    String check(String value) {
        if (value == null) {
            if (!health.isStoreLost()) {
                LOG.error("Redis key {} is gone: Redis lost the revocation data (flushed, restarted empty or failed"
                        + " over). Judging from the last mirror; restore Redis (docs/revocation.md)", key);
            }
            health.storeLost("revocation data lost in Redis (" + key + " missing): judging from the last mirror");
            return null;
        }
        if (value.equals(loaded)) {
            if (health.isStoreLost()) {
                LOG.warn("Redis key {} is back at generation {}: revocation data restored, reloading", key, value);
                health.storeLost(null);
                followed = value;
                return "restored";
            }
            return null;
        }
        if (!value.equals(followed)) {
            LOG.error("Redis key {} changed from generation {} to {}: Redis lost the revocation data and new data"
                    + " was written since. Merging it into the last mirror; restore Redis (docs/revocation.md)",
                    key, followed, value);
            health.storeLost("revocation data lost in Redis (" + key + " now at another generation): judging from"
                    + " the last mirror merged with the new data");
            followed = value;
            return "generation";
        }
        return null;
    }
}
