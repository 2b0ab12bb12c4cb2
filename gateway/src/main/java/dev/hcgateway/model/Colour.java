package dev.hcgateway.model;

/** A health-code colour: the signed snapshot's or the authoritative store's. */
public enum Colour {
    GREEN("green", 0), YELLOW("yellow", 1), RED("red", 2), ORANGE("orange", 3),
    /** The store does not know the subject; never carried by a signed code. */
    UNKNOWN("unknown", -1),
    /**
     * An international code past its validity, as the international version showed it; said by the gateway only
     * (never signed in a code, never answered by the store, never listed in a scene) and never a pass.
     */
    GREY("grey", -2);

    private final String wire;
    private final int code;

    Colour(String wire, int code) {
        this.wire = wire;
        this.code = code;
    }

    /** Returns the lower-case name used in JSON and configuration. */
    public String wire() {
        return wire;
    }

    /** Returns the colour for the integer of the code's {@code hc.colour} claim, or null when out of range. */
    public static Colour ofCode(long value) {
        for (Colour c : values()) {
            if (c.code == value && c.code >= 0) {
                return c;
            }
        }
        return null;
    }

    /** Returns the colour for its wire name, or null when the name is not a colour. */
    public static Colour ofWire(String name) {
        for (Colour c : values()) {
            if (c.wire.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
