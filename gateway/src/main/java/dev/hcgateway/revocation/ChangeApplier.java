package dev.hcgateway.revocation;

import io.lettuce.core.StreamMessage;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies change-stream entries in order: revocations to the mirror, invalidations to the listeners. An
 * entry it cannot use is counted and skipped (logged once), so that a newer writer never stops a gateway.
 */
final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    private final Mirror mirror;
    private final List<Consumer<List<String>>> listeners;
    private final RevocationMetrics metrics;
    private final Clock clock;
    private final RollbackWatch rollback;
    private boolean unusableLogged;

    ChangeApplier(Mirror mirror, List<Consumer<List<String>>> listeners, RevocationMetrics metrics, Clock clock,
                  RollbackWatch rollback) {
        this.rollback = rollback;
        this.mirror = mirror;
        this.listeners = listeners;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Applies a batch; returns the id of its last entry, or {@code after} for an empty batch. */
    StreamId apply(List<StreamMessage<String, String>> batch, StreamId after) {
        long now = clock.millis();
        StreamId last = after;
        for (StreamMessage<String, String> message : batch) {
            StreamId id = StreamId.parse(message.getId());
            ChangeEvent event = ChangeEvent.of(message.getBody());
            if (event instanceof ChangeEvent.CodeRevoked c) {
                mirror.addCodeHex(c.idHex());
            } else if (event instanceof ChangeEvent.SubjectRevoked s) {
                mirror.addSubject(s.subject(), s.issuedBefore());
            } else if (event instanceof ChangeEvent.Invalidation i) {
                notifyListeners(listeners, i.subjects());
            } else if (!unusableLogged) {
                unusableLogged = true;
                LOG.warn("skipping an unusable change-stream entry {} ({}); further ones are only counted", id,
                        ((ChangeEvent.Unusable) event).why());
            }
            rollback.entry(message.getBody().get("n"));
            metrics.applied(event, now - id.millis());
            last = id;
        }
        return last;
    }

    /** Calls every listener; one that fails does not keep the others from hearing. */
    static void notifyListeners(List<Consumer<List<String>>> listeners, List<String> subjects) {
        for (Consumer<List<String>> listener : listeners) {
            try {
                listener.accept(subjects);
            } catch (RuntimeException e) {
                LOG.error("colour invalidation listener failed", e);
            }
        }
    }
}
