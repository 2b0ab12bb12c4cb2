package dev.hcgateway.colour;

import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Scene;
import dev.hcgateway.policy.SnapshotColour;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * Offline mode (no authoritative store configured): the code's signed colour decides while it is young enough for
 * the scene ({@link SnapshotColour}); an older snapshot gives no colour, and the scene's fallback decides.
 */
public final class SnapshotColours implements ColourService {

    private final Clock clock;

    /** Creates the offline colour stage on this clock. */
    public SnapshotColours(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Future<ColourAnswer> colourOf(HealthCode code, Scene scene) {
        return Future.succeededFuture(SnapshotColour.of(code, scene, clock.instant().getEpochSecond()));
    }
}
