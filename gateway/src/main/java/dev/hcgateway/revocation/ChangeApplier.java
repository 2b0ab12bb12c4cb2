package dev.hcgateway.revocation;

import dev.hcgateway.changes.ChangeRoutes;
import dev.hcgateway.model.SubjectKey;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation store's consumers on the change bus ({@link ChangeRoutes}): {@code code} and {@code subject}
 * entries go to the mirror, {@code invalidate} entries to the colour listeners.
 */
final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    private ChangeApplier() {
    }

    /** Registers the revocation store's consumers: codes and subjects to the mirror, invalidations to listeners. */
    static void register(ChangeRoutes routes, Mirror mirror, List<Consumer<List<SubjectKey>>> listeners) {
        routes.on("code", fields -> {
            if (ChangeEvent.of(fields) instanceof ChangeEvent.CodeRevoked c) {
                mirror.addCodeHex(c.idHex());
                return true;
            }
            return false;
        });
        routes.on("subject", fields -> {
            if (ChangeEvent.of(fields) instanceof ChangeEvent.SubjectRevoked s) {
                mirror.addSubject(s.key(), s.issuedBefore());
                return true;
            }
            return false;
        });
        routes.on("invalidate", fields -> {
            if (ChangeEvent.of(fields) instanceof ChangeEvent.Invalidation i) {
                notifyListeners(listeners, i.keys());
                return true;
            }
            return false;
        });
    }

    /** Calls every listener; one that fails does not keep the others from hearing. */
    static void notifyListeners(List<Consumer<List<SubjectKey>>> listeners, List<SubjectKey> keys) {
        for (Consumer<List<SubjectKey>> listener : listeners) {
            try {
                listener.accept(keys);
            } catch (RuntimeException e) {
                LOG.error("colour invalidation listener failed", e);
            }
        }
    }
}
