package dev.hcgateway.passback;

import dev.hcgateway.passback.SightingQueue.Sighting;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a sightings stream entry's {@code s} field: one line per pass, {@code <person key hex> <at ms>
 * <place id>}, lines joined by {@code \n}. The person is only ever the keyed hash ({@link PersonKey}); the place
 * is a place id from the configuration. No issuer, subject, code or document hash is published.
 */
final class SightingEntry {

    private SightingEntry() {
    }

    /** Writes sightings; a place holding a line break (none of a sane configuration) is left out. */
    static String encode(List<Sighting> sightings) {
        StringBuilder b = new StringBuilder(sightings.size() * 64);
        for (Sighting s : sightings) {
            if (s.place().indexOf('\n') >= 0) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(s.person().hex()).append(' ').append(s.at()).append(' ').append(s.place());
        }
        return b.toString();
    }

    /** Reads sightings; malformed lines are skipped. */
    static List<Sighting> decode(String text) {
        List<Sighting> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            int first = line.indexOf(' ');
            int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
            if (second < 0 || second == line.length() - 1) {
                continue;
            }
            PersonKey person = PersonKey.parse(line.substring(0, first));
            try {
                long at = Long.parseLong(line, first + 1, second, 10);
                if (person != null && at > 0) {
                    out.add(new Sighting(person, line.substring(second + 1), at));
                }
            } catch (NumberFormatException e) {
                // skipped: a newer or broken writer
            }
        }
        return out;
    }
}
