package dev.hcgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CodeSetTest {

    @Test
    void add_thenContains_trueAndOthersFalse() {
        CodeSet set = new CodeSet(0);
        assertThat(set.add(42)).isTrue();
        assertThat(set.add(42)).isFalse();
        assertThat(set.contains(42)).isTrue();
        assertThat(set.contains(43)).isFalse();
        assertThat(set.contains(0)).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void add_zero_refused() {
        assertThatThrownBy(() -> new CodeSet(0).add(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void add_pastLoadLimit_doublesAndKeepsEveryEntry() {
        CodeSet set = new CodeSet(0);
        assertThat(set.capacity()).isEqualTo(16);
        SplittableRandom random = new SplittableRandom(7);
        long[] added = new long[100_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = random.nextLong() | 1;
            set.add(added[i]);
            assertThat((double) set.size() / set.capacity()).isLessThanOrEqualTo(CodeSet.MAX_LOAD);
        }
        assertThat(set.capacity()).isEqualTo(1 << 18); // 100k / 0.7 = 142,858 -> 2^18
        for (long fp : added) {
            assertThat(set.contains(fp)).isTrue();
        }
        SplittableRandom other = new SplittableRandom(8);
        for (int i = 0; i < 100_000; i++) {
            assertThat(set.contains(other.nextLong() | 1)).isFalse();
        }
    }

    @Test
    void add_collidingLowBits_probesOnAndFindsAll() {
        CodeSet set = new CodeSet(0);
        for (long i = 1; i <= 10; i++) {
            set.add(i << 40); // all land in slot 0 of a 16-slot table, then 32
        }
        for (long i = 1; i <= 10; i++) {
            assertThat(set.contains(i << 40)).isTrue();
        }
        assertThat(set.contains(11L << 40)).isFalse();
    }

    @Test
    void reserve_tenMillion_sizedOnceWithinLoadAndBytesExact() {
        assertThat(CodeSet.capacityFor(10_000_000)).isEqualTo(1 << 24);
        CodeSet set = new CodeSet(1000);
        set.reserve(1000);
        assertThat(set.capacity()).isEqualTo(2048);
        assertThat(set.bytes()).isEqualTo(16 + 8 * 2048);
        set.reserve(10);
        assertThat(set.capacity()).isEqualTo(2048); // never shrinks
    }

    @Test
    void contains_whileAnotherThreadGrowsTheTable_neverMissesAnEarlierEntry() throws Exception {
        CodeSet set = new CodeSet(0);
        AtomicLong published = new AtomicLong();
        AtomicBoolean missed = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (published.get() < 200_000) {
                long upTo = published.get();
                for (long i = Math.max(1, upTo - 50); i <= upTo; i++) {
                    if (!set.contains(Fingerprints.mix(i) | 1)) {
                        missed.set(true);
                    }
                }
            }
        });
        reader.start();
        for (long i = 1; i <= 200_000; i++) {
            set.add(Fingerprints.mix(i) | 1);
            published.set(i);
        }
        reader.join(10_000);
        assertThat(missed).isFalse();
        assertThat(set.size()).isEqualTo(200_000);
    }
}
