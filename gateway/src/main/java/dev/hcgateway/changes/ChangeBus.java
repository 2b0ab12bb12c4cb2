package dev.hcgateway.changes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Redis change bus: entries of a {@code type} appended to a named stream, and a follower of a named stream
 * delivering each entry to the consumers of its type ({@link ChangeRoutes}). Revocations, colour invalidations
 * (stream {@code <prefix>changes}) and passback sightings (stream {@code <prefix>sightings}) ride it. Writes that
 * must be atomic with other keys (a revocation and its set) use their own scripts on {@link RedisChangeBus#commands}.
 */
public interface ChangeBus {

    /**
     * Appends one entry ({@code type} plus {@code fields}) to {@code stream}, trimming it to about {@code maxLength}
     * entries ({@code XADD MAXLEN ~}); completes with the entry's id once Redis has it.
     */
    CompletionStage<StreamId> publish(String stream, String type, Map<String, String> fields, long maxLength);

    /** Appends several entries of one type in one pipelined burst; completes once Redis has all of them. */
    CompletionStage<Void> publishAll(String stream, String type, List<Map<String, String>> entries, long maxLength);

    /**
     * Creates the follower of {@code stream} (started by its {@link StreamFollower#start}): it runs on
     * {@code executor}, asks {@code hooks} where to start and when to reload, and reports contact to {@code health}.
     * One follower per bus: its blocking read owns the bus's stream connection.
     */
    StreamFollower follow(String stream, ChangeRoutes routes, FollowHooks hooks, StreamHealth health,
                          ScheduledExecutorService executor);

    /** Closes the connections; a follower stops with them. */
    CompletionStage<Void> close();
}
