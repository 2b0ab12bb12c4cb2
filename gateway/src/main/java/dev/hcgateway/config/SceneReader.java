package dev.hcgateway.config;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Scene;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;

/** Reads one scene of the {@code scenes} map: colour lists per decision, ages, fallback, issuers. */
final class SceneReader {

    private SceneReader() {
    }

    static Scene read(String name, ConfigNode n) {
        if (!name.matches("[a-z0-9_-]{1,32}")) {
            throw new ConfigException(n.path() + ": a scene name is 1..32 of a-z0-9_-");
        }
        Map<Colour, Decision> decisions = new EnumMap<>(Colour.class);
        for (Decision d : Decision.values()) {
            for (String colourName : n.strings(d.wire())) {
                Colour c = Colour.ofWire(colourName);
                if (c == null || c == Colour.UNKNOWN || c == Colour.GREY) {
                    throw n.fail(d.wire(), "\"" + colourName + "\" is not one of green, yellow, orange, red");
                }
                if (decisions.put(c, d) != null) {
                    throw n.fail(d.wire(), c.wire() + " is listed under two decisions");
                }
            }
        }
        String fallbackName = n.string("fallback");
        Decision fallback = Decision.ofWire(fallbackName);
        if (fallback == null || fallback == Decision.PASS) {
            throw n.fail("fallback", "must be manual or deny, got \"" + fallbackName + "\"");
        }
        try {
            return new Scene(name, decisions, n.number("maxCodeAgeSeconds", 0, 10L * 365 * 86400),
                    n.number("snapshotMaxAgeSeconds", 0, 10L * 365 * 86400), fallback, n.bool("requireVaccinated"),
                    new HashSet<>(n.strings("issuers")), DccRulesReader.read(n));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(n.path() + ": " + e.getMessage());
        }
    }
}
