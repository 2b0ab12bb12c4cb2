package dev.hcgateway.model;

/** Where a colour came from, as the gateway API names it. */
public enum ColourSource {
    CACHE, AUTHORITY, CODE;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    /** Returns the lower-case name used in answers and metric labels. */
    public String wire() {
        return wire;
    }
}
