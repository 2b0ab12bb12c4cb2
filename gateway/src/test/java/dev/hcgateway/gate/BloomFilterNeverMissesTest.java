package dev.hcgateway.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bundle's Bloom filter never misses a revoked code id (a miss would let a revoked code pass at an offline gate),
 * states a false-positive rate of at most 1e-4, and takes strangers for revoked ones about that often.
 */
class BloomFilterNeverMissesTest {

    private final Random random = new Random(42);

    @Test
    void everyCodeAdded_isFound() {
        for (int n : new int[]{1, 10, 1_000, 200_000}) {
            List<RevocationHash> added = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                added.add(RevocationHash.ofCodeId(id()));
            }
            RevokedCodes codes = RevokedCodes.of(added, 0);
            assertThat(codes).isInstanceOf(RevokedCodes.Filtered.class);
            assertThat(codes.falsePositiveRate()).as("n=%d", n).isLessThanOrEqualTo(BloomFilter.MAX_RATE);
            assertThat(added).as("n=%d", n).allMatch(h -> codes.find(h) == RevokedCodes.Hit.POSSIBLY);
        }
    }

    @Test
    void strangers_hitAboutAsOftenAsStated() {
        List<RevocationHash> added = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            added.add(RevocationHash.ofCodeId(id()));
        }
        RevokedCodes codes = RevokedCodes.of(added, 0);
        int probes = 1_000_000;
        int hits = 0;
        for (int i = 0; i < probes; i++) {
            if (codes.find(RevocationHash.ofCodeId(id())) != RevokedCodes.Hit.NONE) {
                hits++;
            }
        }
        // Stated <= 1e-4: about 100 of a million; 250 is far outside chance for a correct filter.
        assertThat(hits).isLessThan(250);
    }

    @Test
    void exactSet_findsEveryCodeAdded_andNoStranger() {
        List<RevocationHash> added = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            added.add(RevocationHash.ofCodeId(id()));
        }
        RevokedCodes codes = RevokedCodes.of(added, 10_000);
        assertThat(codes).isInstanceOf(RevokedCodes.Exact.class);
        assertThat(added).allMatch(h -> codes.find(h) == RevokedCodes.Hit.REVOKED);
        assertThat(codes.find(RevocationHash.ofCodeId(id()))).isEqualTo(RevokedCodes.Hit.NONE);
    }

    private byte[] id() {
        return ByteBuffer.allocate(16).putLong(random.nextLong()).putLong(random.nextLong()).array();
    }
}
