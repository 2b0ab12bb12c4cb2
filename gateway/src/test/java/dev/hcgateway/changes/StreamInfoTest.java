package dev.hcgateway.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamInfoTest {

    private static final StreamId SEEN = StreamId.parse("100-5");

    private static StreamInfo info(String last, String first, long length, Long added) {
        return new StreamInfo(StreamId.parse(last), StreamId.ZERO, first == null ? null : StreamId.parse(first),
                length, added);
    }

    @Test
    void missedAfter_ourEntryStillHeld_false() {
        assertThat(info("200-0", "90-0", 10, 50L).missedAfter(SEEN)).isFalse();
        assertThat(info("200-0", "100-5", 10, 50L).missedAfter(SEEN)).isFalse();
    }

    @Test
    void missedAfter_trimmedPastUs_true() {
        assertThat(info("200-0", "150-0", 10, 50L).missedAfter(SEEN)).isTrue();
        assertThat(info("200-0", null, 0, 50L).missedAfter(SEEN)).as("trimmed to nothing").isTrue();
    }

    @Test
    void missedAfter_nothingEverRemoved_false() {
        assertThat(info("200-0", "150-0", 10, 10L).missedAfter(StreamId.ZERO)).isFalse();
        assertThat(info("100-5", null, 0, 7L).missedAfter(SEEN)).as("empty, nothing new").isFalse();
    }

    @Test
    void missedAfter_entryAfterUsDeleted_true() {
        assertThat(new StreamInfo(StreamId.parse("200-0"), StreamId.parse("150-0"), StreamId.parse("90-0"), 10, 50L)
                .missedAfter(SEEN)).isTrue();
    }

    @Test
    void missedAfter_streamRecreatedBehindUs_true() {
        assertThat(info("50-0", "1-0", 3, 3L).missedAfter(SEEN)).isTrue();
        assertThat(StreamInfo.NONE.missedAfter(SEEN)).isTrue();
        assertThat(StreamInfo.NONE.missedAfter(StreamId.ZERO)).isFalse();
    }

    @Test
    void missedAfter_beforeRedis7_judgedByOldestEntry() {
        assertThat(new StreamInfo(StreamId.parse("200-0"), null, StreamId.parse("100-5"), 3, null).missedAfter(SEEN))
                .isFalse();
        assertThat(new StreamInfo(StreamId.parse("200-0"), null, StreamId.parse("120-0"), 3, null).missedAfter(SEEN))
                .isTrue();
    }

    @Test
    void parse_flatListAndMapReplies_sameInfo() {
        List<Object> flat = Arrays.asList("length", 2L, "last-generated-id", "200-1", "max-deleted-entry-id", "0-0",
                "entries-added", 5L, "first-entry", Arrays.asList("150-0", List.of("type", "code")), "last-entry", null);
        StreamInfo fromList = StreamInfo.parse(flat);
        assertThat(fromList).isEqualTo(new StreamInfo(StreamId.parse("200-1"), StreamId.ZERO,
                StreamId.parse("150-0"), 2, 5L));
        StreamInfo fromMap = StreamInfo.parse(Map.of("length", 2L, "last-generated-id", "200-1",
                "max-deleted-entry-id", "0-0", "entries-added", 5L, "first-entry", List.of("150-0", List.of())));
        assertThat(fromMap).isEqualTo(fromList);
    }
}
