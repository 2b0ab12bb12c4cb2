package dev.hcgateway.model;

/** How a code is carried: the {@code hc.kind} claim. */
public enum CodeKind {
    PERSONAL("personal"), PROXY("proxy"), PAPER("paper"), INTERNATIONAL("international");

    private final String wire;

    CodeKind(String wire) {
        this.wire = wire;
    }

    /** Returns the lower-case name used in answers. */
    public String wire() {
        return wire;
    }

    /** Returns the kind for the claim's integer, or null when out of range. */
    public static CodeKind ofCode(long value) {
        return value >= 0 && value < values().length ? values()[(int) value] : null;
    }
}
