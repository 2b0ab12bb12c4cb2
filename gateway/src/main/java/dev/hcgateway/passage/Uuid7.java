package dev.hcgateway.passage;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Makes UUIDv7 ids (RFC 9562): 48 bits of epoch milliseconds, then 74 random bits; ids sort by time. */
final class Uuid7 {

    private Uuid7() {
    }

    /** Returns a new id for this millisecond. */
    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
