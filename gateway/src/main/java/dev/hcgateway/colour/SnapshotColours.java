package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Scene;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * Offline mode (no authoritative store configured): the code's signed colour decides while it is at most
 * {@code snapshotMaxAgeSeconds} old; an older snapshot gives no colour, and the scene's fallback decides.
 */
public final class SnapshotColours implements ColourService {

    private final Clock clock;

    /** Creates the offline colour stage on this clock. */
    public SnapshotColours(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Future<ColourAnswer> colourOf(HealthCode code, Scene scene) {
        return Future.succeededFuture(fromSnapshot(code, scene, clock.instant().getEpochSecond(), false, null));
    }

    /**
     * Returns the snapshot's colour when fresh enough for the scene, else no colour.
     *
     * @param degraded whether the snapshot stands in for a store that did not answer
     * @param why      why the store did not answer, when degraded
     */
    public static ColourAnswer fromSnapshot(HealthCode code, Scene scene, long now, boolean degraded, Degradation why) {
        if (now - code.colourAsOf() <= scene.snapshotMaxAgeSeconds()) {
            return degraded ? ColourAnswer.degraded(code.colour(), ColourSource.CODE, why)
                    : ColourAnswer.of(code.colour(), ColourSource.CODE);
        }
        return ColourAnswer.none(degraded ? why : Degradation.SNAPSHOT_STALE);
    }
}
