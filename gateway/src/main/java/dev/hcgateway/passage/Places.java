package dev.hcgateway.passage;

import dev.hcgateway.model.Place;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Maps a gate id to its place: the longest configured gate-id prefix wins; a gate no prefix matches is its own
 * place. Prefixes are tried longest first, so the first match is the answer.
 */
public final class Places {

    private final List<Map.Entry<String, Place>> byLength;

    /** Creates the map from configured prefixes. */
    public Places(Map<String, Place> prefixes) {
        this.byLength = prefixes.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((Map.Entry<String, Place> e) -> e.getKey().length()).reversed())
                .toList();
    }

    /** Tells whether a gate belongs to a configured place (else it is a place of its own). */
    public boolean knows(String gate) {
        for (Map.Entry<String, Place> e : byLength) {
            if (gate.startsWith(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    /** Returns the place id of a gate. */
    public String placeOf(String gate) {
        for (Map.Entry<String, Place> e : byLength) {
            if (gate.startsWith(e.getKey())) {
                return e.getValue().id();
            }
        }
        return gate;
    }
}
