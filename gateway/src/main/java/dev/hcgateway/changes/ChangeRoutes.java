package dev.hcgateway.changes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers of the Redis change stream, by entry {@code type}: revocations ({@code code}, {@code subject}),
 * colour invalidations ({@code invalidate}) and passback sightings (on their own stream) each register for their
 * own types and parse their own fields. The stream transport (following, resuming, gap and rollback detection)
 * knows none of them. Consumers are called on the follower thread, in stream order, and must be quick and
 * thread-safe.
 */
public final class ChangeRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeRoutes.class);

    private final Map<String, List<ChangeConsumer>> byType = new ConcurrentHashMap<>();

    /** Registers {@code consumer} for entries whose {@code type} field equals {@code type}. */
    public void on(String type, ChangeConsumer consumer) {
        byType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(consumer);
    }

    /** Returns the registered types: a bounded set, fit for a metric label. */
    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    /**
     * Delivers an entry to every consumer of its type; returns whether one of them could use it (false for a
     * type nobody registered, or fields none could read). A consumer that throws is logged; the others still hear.
     */
    public boolean deliver(Map<String, String> fields) {
        String type = fields.get("type");
        List<ChangeConsumer> consumers = type == null ? null : byType.get(type);
        if (consumers == null) {
            return false;
        }
        boolean used = false;
        for (ChangeConsumer consumer : consumers) {
            try {
                used |= consumer.accept(fields);
            } catch (RuntimeException e) {
                LOG.error("change consumer for type {} failed", type, e);
            }
        }
        return used;
    }
}
