package dev.hcgateway.policy;

import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Scene;

/**
 * The signed-snapshot rule: a code's own colour may decide while {@code now - colourAsOf} is at most the scene's
 * {@code snapshotMaxAgeSeconds}; an older snapshot gives no colour, and the scene's fallback decides. {@code now} is
 * the instant of the colour (the wall clock), never a departure time the time rules may be judged at. Pure.
 */
public final class SnapshotColour {

    private SnapshotColour() {
    }

    /** Returns the snapshot's colour as the designed source (offline mode), or no colour when it is too old. */
    public static ColourAnswer of(HealthCode code, Scene scene, long now) {
        return fresh(code, scene, now) ? ColourAnswer.of(code.colour(), ColourSource.CODE)
                : ColourAnswer.none(Degradation.SNAPSHOT_STALE);
    }

    /** Returns the snapshot's colour standing in for a store that did not answer ({@code why}), or no colour. */
    public static ColourAnswer standIn(HealthCode code, Scene scene, long now, Degradation why) {
        return fresh(code, scene, now) ? ColourAnswer.degraded(code.colour(), ColourSource.CODE, why)
                : ColourAnswer.none(why);
    }

    private static boolean fresh(HealthCode code, Scene scene, long now) {
        return now - code.colourAsOf() <= scene.snapshotMaxAgeSeconds();
    }
}
