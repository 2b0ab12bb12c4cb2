package dev.hcgateway.loadtest.simulations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The metro line the simulations scan at: a few stations with 25 gates each. Gate ids are
 * {@code SH-L2-<STATION>-G<n>}; the {@code places} map given to the in-process gateway maps each station's
 * prefix to the station, so the passages of a run group by station as a tracer would query them.
 */
final class Stations {

    static final int GATES_PER_STATION = 25;
    private static final List<String> NAMES = List.of("Zhongshan Park", "Jiangsu Road", "Jing'an Temple",
            "West Nanjing Road", "People's Square", "East Nanjing Road", "Lujiazui", "Century Avenue");

    private Stations() {
    }

    /** Returns a random gate of a random station (200 gates in all). */
    static String gate(SplittableRandom random) {
        return prefix(NAMES.get(random.nextInt(NAMES.size()))) + "G" + random.nextInt(GATES_PER_STATION);
    }

    /** Returns the gateway's {@code places} setting: each station's gate prefix → {id, name}. */
    static Map<String, Object> places() {
        Map<String, Object> places = new LinkedHashMap<>();
        for (String name : NAMES) {
            places.put(prefix(name), Map.of("id", id(name), "name", name));
        }
        return places;
    }

    private static String prefix(String name) {
        return id(name) + "-";
    }

    private static String id(String name) {
        return "SH-L2-" + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
    }
}
