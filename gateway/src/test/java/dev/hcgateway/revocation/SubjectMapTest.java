package dev.hcgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectMapTest {

    @Test
    void raise_laterInstant_kept_earlierIgnored() {
        SubjectMap map = new SubjectMap(0);
        assertThat(map.issuedBefore(5)).isEqualTo(SubjectMap.NONE);
        assertThat(map.raise(5, 1000)).isTrue();
        assertThat(map.raise(5, 900)).isFalse();
        assertThat(map.issuedBefore(5)).isEqualTo(1000);
        assertThat(map.raise(5, 2000)).isTrue();
        assertThat(map.issuedBefore(5)).isEqualTo(2000);
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void raise_manySubjects_growsAndKeepsValues() {
        SubjectMap map = new SubjectMap(0);
        for (long i = 1; i <= 50_000; i++) {
            map.raise(Fingerprints.mix(i) | 1, i * 10);
        }
        assertThat(map.size()).isEqualTo(50_000);
        for (long i = 1; i <= 50_000; i++) {
            assertThat(map.issuedBefore(Fingerprints.mix(i) | 1)).isEqualTo(i * 10);
        }
        assertThat(map.issuedBefore(Fingerprints.mix(50_001) | 1)).isEqualTo(SubjectMap.NONE);
        // 50k / 0.7 -> 2^17 slots of two longs
        assertThat(map.bytes()).isEqualTo(16 + 16L * (1 << 17));
    }

    @Test
    void reserve_thenRaise_noLossAcrossRehash() {
        SubjectMap map = new SubjectMap(0);
        map.raise(7, 70);
        map.reserve(100_000);
        assertThat(map.issuedBefore(7)).isEqualTo(70);
        assertThat(map.bytes()).isEqualTo(16 + 16L * (1 << 18));
    }
}
