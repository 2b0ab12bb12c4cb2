package dev.hcgateway.loadtest.authority;

import java.util.ArrayList;
import java.util.List;

/**
 * When the simulated store fails, in seconds since its schedule started: {@code 120-240:refuse,300-330:unavailable}
 * means down from minute 2 to minute 4, then shedding for half a minute. Windows are half-open [from, to).
 */
public record FaultSchedule(List<Window> windows) {

    /** One fault window. */
    public record Window(double fromSeconds, double toSeconds, Fault fault) {
        public Window {
            if (fromSeconds < 0 || toSeconds <= fromSeconds) {
                throw new IllegalArgumentException("fault window must satisfy 0 <= from < to: " + fromSeconds + "-"
                        + toSeconds);
            }
        }
    }

    public FaultSchedule {
        windows = List.copyOf(windows);
    }

    /** No faults. */
    public static FaultSchedule none() {
        return new FaultSchedule(List.of());
    }

    /** Parses the textual form; blank is no faults. */
    public static FaultSchedule parse(String text) {
        List<Window> windows = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                String[] p = item.trim().split(":", 2);
                String[] range = p[0].split("-", 2);
                if (p.length != 2 || range.length != 2) {
                    throw new IllegalArgumentException("fault window \"" + item + "\" is not FROM-TO:FAULT (seconds)");
                }
                windows.add(new Window(Double.parseDouble(range[0]), Double.parseDouble(range[1]), Fault.of(p[1])));
            }
        }
        return new FaultSchedule(windows);
    }

    /** Returns the fault in force {@code elapsedSeconds} after the start, or null. */
    public Fault at(double elapsedSeconds) {
        for (Window w : windows) {
            if (elapsedSeconds >= w.fromSeconds() && elapsedSeconds < w.toSeconds()) {
                return w.fault();
            }
        }
        return null;
    }
}
