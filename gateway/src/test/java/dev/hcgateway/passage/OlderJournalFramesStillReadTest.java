package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * A journal written before offline passages (frame version 1) is read by this release: its passages are live ones
 * with their {@code degraded} flag; version 2 frames carry {@code offline} beside it. A gateway upgraded with an
 * unshipped journal ships every passage of it.
 */
class OlderJournalFramesStillReadTest {

    private static Passage passage(boolean degraded, boolean offline) {
        return new Passage(UUID.randomUUID(), JournalTest.NOW, "G1", "G1", "metro", "manual", "authority_unavailable",
                null, null, degraded, "330100", "s-1", "personal", null, null, offline);
    }

    private static ByteBuffer frame(Passage p) {
        ByteBuffer out = ByteBuffer.allocate(PassageCodec.HEADER + PassageCodec.MAX_PAYLOAD);
        PassageCodec.frame(p, out);
        return out;
    }

    @Test
    void versionOneFrame_readsAsALivePassage_withItsDegradedFlag() {
        Passage written = passage(true, false);
        ByteBuffer frame = frame(written);
        // A version 1 frame is the same layout with version byte 1 and 1 in the flags byte for degraded.
        frame.put(PassageCodec.HEADER, (byte) 1);
        CRC32C crc = new CRC32C();
        crc.update(frame.array(), PassageCodec.HEADER, frame.getInt(0));
        frame.putInt(4, (int) crc.getValue());
        assertThat(PassageCodec.read(frame)).isEqualTo(written);
    }

    @Test
    void versionTwoFrames_keepOfflineAndDegradedApart() {
        for (boolean degraded : new boolean[]{false, true}) {
            for (boolean offline : new boolean[]{false, true}) {
                Passage written = passage(degraded, offline);
                assertThat(PassageCodec.read(frame(written))).isEqualTo(written);
            }
        }
    }
}
