package dev.hcgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void codeId_bytesAndHexOfEitherCase_sameFingerprint() {
        byte[] id = HexFormat.of().parseHex("00ff10aa55cc33dd77ee0102");
        long fp = Fingerprints.ofCodeId(id);
        assertThat(fp).isNotZero();
        assertThat(Fingerprints.ofCodeIdHex("00ff10aa55cc33dd77ee0102")).isEqualTo(fp);
        assertThat(Fingerprints.ofCodeIdHex("00FF10AA55CC33DD77EE0102")).isEqualTo(fp);
    }

    @Test
    void codeIdHex_notHexOfEightToSixteenBytes_zero() {
        assertThat(Fingerprints.ofCodeIdHex("00ff10aa55cc33d")).isZero();        // odd
        assertThat(Fingerprints.ofCodeIdHex("00ff10aa55cc33")).isZero();         // 7 bytes
        assertThat(Fingerprints.ofCodeIdHex("00".repeat(17))).isZero();          // 17 bytes
        assertThat(Fingerprints.ofCodeIdHex("00ff10aa55cc33zz")).isZero();       // not hex
        assertThat(Fingerprints.ofCodeId(new byte[7])).isZero();
        assertThat(Fingerprints.ofCodeId(new byte[8])).isNotZero();
        assertThat(Fingerprints.ofCodeId(new byte[16])).isNotZero();
    }

    @Test
    void codeId_sameBytesDifferentLength_differentFingerprints() {
        assertThat(Fingerprints.ofCodeId(new byte[8])).isNotEqualTo(Fingerprints.ofCodeId(new byte[9]));
        assertThat(Fingerprints.ofCodeId(new byte[12])).isNotEqualTo(Fingerprints.ofCodeId(new byte[16]));
    }

    @Test
    void codeIdHex_asciiBuffer_sameAsTextAndPositionKept() {
        ByteBuffer buffer = ByteBuffer.wrap("xx00ff10aa55cc33dd77ee0102".getBytes(StandardCharsets.US_ASCII));
        buffer.position(2);
        assertThat(Fingerprints.ofCodeIdHex(buffer)).isEqualTo(Fingerprints.ofCodeIdHex("00ff10aa55cc33dd77ee0102"));
        assertThat(buffer.position()).isEqualTo(2);
        assertThat(Fingerprints.ofCodeIdHex(ByteBuffer.wrap("00ff10aa55cc33\u00e9\u00e9".getBytes(StandardCharsets.UTF_8))))
                .isZero();
        assertThat(Fingerprints.ofCodeIdHex(ByteBuffer.wrap("00ff10aa55cc33g0".getBytes(StandardCharsets.US_ASCII))))
                .isZero();
    }

    @Test
    void codeId_randomIds_noCollisionAndSpreadOverLowBits() {
        Random random = new Random(42);
        Set<Long> seen = new HashSet<>();
        int[] buckets = new int[1024];
        for (int i = 0; i < 200_000; i++) {
            byte[] id = new byte[12];
            random.nextBytes(id);
            long fp = Fingerprints.ofCodeId(id);
            assertThat(seen.add(fp)).isTrue();
            buckets[(int) fp & 1023]++;
        }
        // The table indexes by the low bits: each of 1024 buckets should get ~195, far from empty or doubled.
        for (int b : buckets) {
            assertThat(b).isBetween(120, 280);
        }
    }

    @Test
    void codeId_sequentialIds_noCollision() {
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < 200_000; i++) {
            byte[] id = new byte[8];
            for (int j = 0; j < 8; j++) {
                id[7 - j] = (byte) (i >>> (8 * j));
            }
            assertThat(seen.add(Fingerprints.ofCodeId(id))).isTrue();
        }
    }

    @Test
    void subject_differentSubjects_differentFingerprints() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long fp = Fingerprints.ofSubject("330100", "s-" + i);
            assertThat(fp).isNotZero();
            assertThat(seen.add(fp)).isTrue();
        }
        assertThat(Fingerprints.ofSubject("*", "a")).isNotEqualTo(Fingerprints.ofSubject("*", "a\0"));
        assertThat(Fingerprints.ofSubject("*", "s-1")).isEqualTo(Fingerprints.ofSubject("*", new String("s-1")));
        assertThat(Fingerprints.ofSubject("1", "2:s")).as("issuer and subject are not concatenated text")
                .isNotEqualTo(Fingerprints.ofSubject("12", ":s"));
        assertThat(Fingerprints.ofSubject("440300", "s-1")).isNotEqualTo(Fingerprints.ofSubject("310000", "s-1"))
                .isNotEqualTo(Fingerprints.ofSubject("*", "s-1"));
    }
}
