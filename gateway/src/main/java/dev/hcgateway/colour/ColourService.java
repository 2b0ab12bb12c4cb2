package dev.hcgateway.colour;

import dev.hcgateway.code.HealthCode;
import dev.hcgateway.policy.Scene;
import io.vertx.core.Future;
import java.util.Collection;

/** The colour stage: the current colour of a valid code's subject, within the scene's time budget. */
public interface ColourService {

    /** Returns the colour to decide on; never fails (a failing store is a degraded answer). */
    Future<ColourAnswer> colourOf(HealthCode code, Scene scene);

    /** Drops cached colours of these subjects in this gateway. */
    default void invalidateLocal(Collection<String> subjects) {
    }

    /** Tells whether the gateway runs with an authoritative store. */
    default boolean online() {
        return false;
    }

    /** Releases clients and timers. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
