package dev.hcgateway.http.connection;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the open connections of one client address across every event loop, so that one client cannot take
 * the whole connection bound. The map holds only addresses with connections open: an entry goes when its count
 * returns to zero, so a scan of many addresses leaves nothing behind.
 */
public final class AddressCap {

    private final int perAddress;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    /** Creates a bound of {@code perAddress} open connections per client address. */
    public AddressCap(int perAddress) {
        if (perAddress < 1) {
            throw new IllegalArgumentException("perAddress must be positive");
        }
        this.perAddress = perAddress;
    }

    /** Counts a connection of {@code address}; returns false (and counts nothing) when it is over the bound. */
    public boolean opened(String address) {
        boolean[] admitted = {false};
        open.compute(address, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= perAddress) {
                return n;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    /** Counts a connection admitted past the bound because one of the address's own was closed to make room. */
    public void replacing(String address) {
        open.merge(address, 1, Integer::sum);
    }

    /** Uncounts a connection that {@link #opened} admitted. */
    public void closed(String address) {
        open.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Returns the open connections of {@code address}. */
    public int open(String address) {
        return open.getOrDefault(address, 0);
    }
}
