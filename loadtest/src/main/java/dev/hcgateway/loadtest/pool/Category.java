package dev.hcgateway.loadtest.pool;

import dev.hcgateway.model.Colour;
import java.util.Locale;

/**
 * What a pooled code is, and so what the gateway must answer for it. Green, yellow and red codes are valid
 * and signed with that colour; expired codes are valid but out of time; forged codes carry a broken
 * signature; garbage is anything a camera may read that is not a health code at all.
 */
public enum Category {
    GREEN(Colour.GREEN), YELLOW(Colour.YELLOW), RED(Colour.RED), EXPIRED(Colour.GREEN), FORGED(Colour.GREEN),
    GARBAGE(Colour.GREEN);

    private final Colour colour;

    Category(Colour colour) {
        this.colour = colour;
    }

    /** Returns the colour signed into the code (and the one the simulated store holds for its subject). */
    public Colour colour() {
        return colour;
    }

    /** Tells whether the code passes every check before the colour stage (decode, trust, signature, time). */
    public boolean valid() {
        return this == GREEN || this == YELLOW || this == RED;
    }

    /** Returns the lower-case name used in pool files, mixes and request names. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the category of a lower-case name; throws on an unknown one. */
    public static Category of(String wire) {
        try {
            return valueOf(wire.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown code category \"" + wire + "\"; known: green, yellow, red, "
                    + "expired, forged, garbage");
        }
    }
}
