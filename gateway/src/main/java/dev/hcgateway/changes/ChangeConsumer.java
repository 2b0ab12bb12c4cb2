package dev.hcgateway.changes;

import java.util.Map;

/** Takes change-stream entries of the types it was registered for. */
@FunctionalInterface
public interface ChangeConsumer {

    /** Applies an entry's fields; returns false when they are malformed (the entry is then counted unusable). */
    boolean accept(Map<String, String> fields);
}
