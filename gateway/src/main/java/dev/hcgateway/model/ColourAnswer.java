package dev.hcgateway.model;

/**
 * The colour stage's answer for one subject.
 *
 * @param colour   the colour to decide on, or null when no trustworthy colour was had (the scene's fallback decides)
 * @param source   where the colour came from; null with a null colour
 * @param degraded true when the store could not answer in time and a stand-in (snapshot, stale cache, fallback) decided
 * @param why      why it is degraded (a bounded metric label such as {@code timeout}), or null when not degraded
 */
public record ColourAnswer(Colour colour, ColourSource source, boolean degraded, Degradation why) {

    public ColourAnswer {
        if ((colour == null) != (source == null)) {
            throw new IllegalArgumentException("colour and source go together");
        }
        if (colour == null && !degraded && why == null) {
            throw new IllegalArgumentException("an answer without a colour must say why");
        }
        if (degraded && why == null) {
            throw new IllegalArgumentException("a degraded answer must say why");
        }
    }

    /** Returns a trustworthy colour from a source. */
    public static ColourAnswer of(Colour colour, ColourSource source) {
        return new ColourAnswer(colour, source, false, null);
    }

    /** Returns a stand-in colour, used because the store could not answer. */
    public static ColourAnswer degraded(Colour colour, ColourSource source, Degradation why) {
        return new ColourAnswer(colour, source, true, why);
    }

    /** Returns no colour at all: the scene's fallback decides. */
    public static ColourAnswer none(Degradation why) {
        return new ColourAnswer(null, null, true, why);
    }
}
