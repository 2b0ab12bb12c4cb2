package dev.hcgateway.passage;

import java.util.Objects;

/**
 * One element of an offline gate's {@code passages} list, as read: a passage, or an element that is not one (a
 * field missing or out of bounds). An unreadable element is refused on its own, in the answer's {@code rejected}
 * list, so that one faulty record never blocks a gate's whole backlog.
 */
public sealed interface OfflineEntry {

    /** Returns the element's position in the request's list, from 0. */
    int index();

    /** A well-formed passage. */
    record Readable(int index, OfflinePassage passage) implements OfflineEntry {
        public Readable {
            Objects.requireNonNull(passage, "passage");
        }
    }

    /**
     * An element that is not a passage.
     *
     * @param id      the element's id when it had a readable one, else null (the gate finds it by index)
     * @param message a sentence naming the faulty field, never its value
     */
    record Unreadable(int index, String id, String message) implements OfflineEntry {
        public Unreadable {
            Objects.requireNonNull(message, "message");
        }
    }
}
