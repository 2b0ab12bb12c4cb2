package dev.hcgateway.passage;

import java.util.Objects;
import java.util.UUID;

/**
 * One passage as a gate recorded it while it judged on its own (offline-v1.md, section 3): what its answer said
 * and when, before the gateway adds the gate (its certificate's, else the body's) and the gate's place. Its fields
 * obey every rule of a {@link Passage}; the compact constructor checks them by building the passage it becomes.
 *
 * @param id     the gate's id of the passage (a UUID); the store keeps each id once, however often it is sent
 * @param at     when the gate answered, epoch milliseconds
 * @param colour wire colour the gate judged by, or null; it came from the code's signed snapshot
 */
public record OfflinePassage(UUID id, long at, String scene, String decision, String reason, String colour,
                             boolean degraded, String issuer, String subject, String kind, String codeId,
                             String document) {

    /** Where an offline gate's colour comes from: the only thing it has, the code's signed snapshot. */
    static final String SOURCE = "code";
    /** Stands for the gate and place while the fields are checked; both are checked where they are read. */
    private static final String CHECKED_LATER = "-";

    public OfflinePassage {
        Objects.requireNonNull(id, "id");
        at(CHECKED_LATER, CHECKED_LATER, id, at, scene, decision, reason, colour, degraded, issuer, subject, kind,
                codeId, document);
    }

    /** Returns the passage at {@code gate} of {@code place}, marked offline. */
    public Passage at(String gate, String place) {
        return at(gate, place, id, at, scene, decision, reason, colour, degraded, issuer, subject, kind, codeId,
                document);
    }

    private static Passage at(String gate, String place, UUID id, long at, String scene, String decision,
                              String reason, String colour, boolean degraded, String issuer, String subject,
                              String kind, String codeId, String document) {
        return new Passage(id, at, gate, place, scene, decision, reason, colour, colour == null ? null : SOURCE,
                degraded, issuer, subject, kind, codeId, document, true);
    }

    @Override
    public String toString() {
        return "OfflinePassage[" + id + ", " + decision + "]"; // no subject in logs
    }
}
