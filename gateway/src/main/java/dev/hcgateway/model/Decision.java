package dev.hcgateway.model;

/** What the gate does. */
public enum Decision {
    /** Open the gate. */
    PASS,
    /** Keep the gate shut. */
    DENY,
    /** Keep the gate shut and call staff. */
    MANUAL;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    /** Returns the lower-case name used in answers, configuration and metric labels. */
    public String wire() {
        return wire;
    }

    /** Returns the decision for its wire name, or null. */
    public static Decision ofWire(String name) {
        for (Decision d : values()) {
            if (d.wire.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
