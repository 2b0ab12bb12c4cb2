package dev.hcgateway.revocation;

import dev.hcgateway.changes.ChangeRoutes;
import io.lettuce.core.StreamMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies change-stream entries in order, each to the consumers registered for its type ({@link ChangeRoutes});
 * notes every entry's counter for rollback detection. An entry nobody can use is counted and skipped (logged
 * once), so that a newer writer never stops a gateway.
 */
final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    private final ChangeRoutes routes;
    private final RevocationMetrics metrics;
    private final Clock clock;
    private final RollbackWatch rollback;
    private boolean unusableLogged;

    ChangeApplier(ChangeRoutes routes, RevocationMetrics metrics, Clock clock, RollbackWatch rollback) {
        this.routes = routes;
        this.metrics = metrics;
        this.clock = clock;
        this.rollback = rollback;
    }

    /** Applies a batch; returns the id of its last entry, or {@code after} for an empty batch. */
    StreamId apply(List<StreamMessage<String, String>> batch, StreamId after) {
        long now = clock.millis();
        StreamId last = after;
        for (StreamMessage<String, String> message : batch) {
            StreamId id = StreamId.parse(message.getId());
            Map<String, String> fields = message.getBody();
            boolean used = routes.deliver(fields);
            if (!used && !unusableLogged) {
                unusableLogged = true;
                LOG.warn("skipping an unusable change-stream entry {} (unknown type or malformed); further ones are"
                        + " only counted", id);
            }
            rollback.entry(fields.get("n"));
            metrics.applied(used ? fields.get("type") : null, now - id.millis());
            last = id;
        }
        return last;
    }

    /** Registers the revocation store's consumers: codes and subjects to the mirror, invalidations to listeners. */
    static void register(ChangeRoutes routes, Mirror mirror, List<Consumer<List<String>>> listeners) {
        routes.on("code", fields -> {
            if (ChangeEvent.of(fields) instanceof ChangeEvent.CodeRevoked c) {
                mirror.addCodeHex(c.idHex());
                return true;
            }
            return false;
        });
        routes.on("subject", fields -> {
            if (ChangeEvent.of(fields) instanceof ChangeEvent.SubjectRevoked s) {
                mirror.addSubject(s.subject(), s.issuedBefore());
                return true;
            }
            return false;
        });
        routes.on("invalidate", fields -> {
            if (ChangeEvent.of(fields) instanceof ChangeEvent.Invalidation i) {
                notifyListeners(listeners, i.subjects());
                return true;
            }
            return false;
        });
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
