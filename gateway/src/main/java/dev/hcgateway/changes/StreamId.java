package dev.hcgateway.changes;

/**
 * A Redis stream entry id, {@code <milliseconds>-<sequence>}: ordered, and carrying the Redis server's time
 * of the write.
 */
public record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    /** The id before every entry: reading from it reads the whole stream. */
    public static final StreamId ZERO = new StreamId(0, 0);

    public StreamId {
        if (millis < 0 || sequence < 0) {
            throw new IllegalArgumentException("stream id parts must not be negative");
        }
    }

    /** Parses {@code ms-seq} (or a bare {@code ms}); throws IllegalArgumentException on anything else. */
    public static StreamId parse(String text) {
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                return new StreamId(Long.parseLong(text), 0);
            }
            return new StreamId(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream id: " + text, e);
        }
    }

    @Override
    public int compareTo(StreamId o) {
        int c = Long.compare(millis, o.millis);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }

    /** Tells whether this id comes after {@code o}. */
    public boolean after(StreamId o) {
        return compareTo(o) > 0;
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
