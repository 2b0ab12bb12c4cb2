package dev.hcgateway.passback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.passback.SightingQueue.Sighting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The publish queue stays bounded while Redis is away, and what it publishes reads back the same. */
class SightingQueueTest {

    private static Sighting at(long at) {
        return new Sighting(new PersonKey(at, -at), "SH-PEOPLESQ", at);
    }

    @Test
    void fullQueue_dropsTheOldest_andSaysSo() {
        SightingQueue queue = new SightingQueue(3);
        int dropped = 0;
        for (long i = 1; i <= 5; i++) {
            dropped += queue.offer(at(i));
        }

        assertThat(dropped).isEqualTo(2);
        assertThat(queue.drain(10)).extracting(Sighting::at).containsExactly(3L, 4L, 5L);
        assertThat(queue.size()).isZero();
    }

    @Test
    void entryText_readsBackTheSameSightings_andSkipsMalformedLines() {
        List<Sighting> sent = List.of(at(1_795_300_000_000L), new Sighting(new PersonKey(0, 1), "SH XUJIAHUI", 7));

        String text = SightingEntry.encode(sent);

        assertThat(SightingEntry.decode(text)).isEqualTo(sent);
        assertThat(SightingEntry.decode(text + "\nnot-a-key 5 X\n" + "0".repeat(32) + " x Y")).isEqualTo(sent);
    }
}
