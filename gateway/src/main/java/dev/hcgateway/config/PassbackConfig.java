package dev.hcgateway.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Anti-passback of one scene (docs/passages.md, "Anti-passback").
 *
 * @param seconds       how long after a pass the same person elsewhere answers {@code action}
 * @param action        what such a presentation answers
 * @param rescanSeconds how long a re-read of the same code at the same gate answers the first verdict again
 */
public record PassbackConfig(int seconds, Action action, int rescanSeconds) {

    /** What a person seen passing at another place answers: manual, deny, or nothing (off). */
    public enum Action { MANUAL, DENY, OFF }

    /** The rule of a scene that has none: off, no re-read memory. */
    public static final PassbackConfig OFF = new PassbackConfig(0, Action.OFF, 0);

    /** Reads each scene's optional {@code passback} block; a scene without one is off. */
    static Map<String, PassbackConfig> fromScenes(ConfigNode scenes) {
        Map<String, PassbackConfig> rules = new LinkedHashMap<>();
        for (String name : scenes.keys()) {
            ConfigNode n = scenes.child(name).child("passback");
            if (n.keys().isEmpty()) {
                rules.put(name, OFF);
                continue;
            }
            // YAML 1.1 reads a bare off as false: take it as off too.
            String action = n.string("action").equals("false") ? "off" : n.string("action");
            Action parsed;
            try {
                parsed = Action.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw n.fail("action", "must be manual, deny or off, not \"" + action + "\"");
            }
            rules.put(name, new PassbackConfig(n.integer("seconds", 0, 86_400), parsed,
                    n.integer("rescanSeconds", 0, 3600)));
        }
        return Map.copyOf(rules);
    }
}
