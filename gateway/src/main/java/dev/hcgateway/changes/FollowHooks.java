package dev.hcgateway.changes;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the owner of a followed stream adds to the transport: how to (re)load its state when the stream cannot
 * simply be read on (at start, after a gap), a periodic look at its own keys, and what it notes per entry. The
 * revocation store loads a snapshot of its set and checks marker and counter; passback sightings just start from
 * the stream's end. Every method is called on the follower's thread, one at a time.
 */
public interface FollowHooks {

    /**
     * (Re)loads the owner's state; {@code reason} is {@code start}, {@code gap}, or a reason the owner gave. Completes
     * with the stream id to read on after (noted BEFORE the state was read, so nothing written meanwhile is missed).
     */
    CompletionStage<StreamId> load(String reason);

    /** Runs the owner's periodic check (every stream-block period); completes with a reason to reload, or null. */
    default CompletionStage<String> check() {
        return CompletableFuture.completedFuture(null);
    }

    /** Notes that the reload asked for with {@code reason} is done. */
    default void reloaded(String reason) {
    }

    /** Notes an entry delivered to the routes; {@code used} when a consumer could use it. */
    default void entry(StreamId id, Map<String, String> fields, boolean used) {
    }

    /** Notes that the stream's newest id is behind the last one read (recreated, or Redis went back in time). */
    default void streamRegressed(StreamId newest, StreamId lastSeen) {
    }

    /** Returns a reason to reload now (asked after every step), or null; true once per finding. */
    default String takeReloadDue() {
        return null;
    }

    /** Returns what the owner keeps serving from while Redis is away, for the one log line of an outage. */
    default String whileAway() {
        return "retrying";
    }
}
