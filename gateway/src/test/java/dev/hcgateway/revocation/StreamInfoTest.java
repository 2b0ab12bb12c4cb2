package dev.hcgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamInfoTest {

    private static final StreamId SEEN = StreamId.parse("100-5");

    @Test
    void missedAfter_redis7NothingDeletedAfterUs_false() {
        StreamInfo info = new StreamInfo(StreamId.parse("200-0"), StreamId.parse("90-0"), StreamId.parse("91-0"), 10);
        assertThat(info.missedAfter(SEEN)).isFalse();
    }

    @Test
    void missedAfter_redis7TrimmedPastUs_true() {
        StreamInfo info = new StreamInfo(StreamId.parse("200-0"), StreamId.parse("150-0"), StreamId.parse("151-0"), 10);
        assertThat(info.missedAfter(SEEN)).isTrue();
    }

    @Test
    void missedAfter_streamRecreatedBehindUs_true() {
        assertThat(new StreamInfo(StreamId.parse("50-0"), StreamId.ZERO, StreamId.parse("1-0"), 3).missedAfter(SEEN))
                .isTrue();
        assertThat(StreamInfo.NONE.missedAfter(SEEN)).isTrue();
        assertThat(StreamInfo.NONE.missedAfter(StreamId.ZERO)).isFalse();
    }

    @Test
    void missedAfter_beforeRedis7_judgedByOldestEntry() {
        assertThat(new StreamInfo(StreamId.parse("200-0"), null, StreamId.parse("100-5"), 3).missedAfter(SEEN))
                .isFalse();
        assertThat(new StreamInfo(StreamId.parse("200-0"), null, StreamId.parse("120-0"), 3).missedAfter(SEEN))
                .isTrue();
        assertThat(new StreamInfo(StreamId.parse("200-0"), null, null, 0).missedAfter(SEEN)).isFalse();
    }

    @Test
    void parse_flatListAndMapReplies_sameInfo() {
        List<Object> flat = Arrays.asList("length", 2L, "last-generated-id", "200-1", "max-deleted-entry-id", "0-0",
                "first-entry", Arrays.asList("150-0", List.of("type", "code")), "last-entry", null);
        StreamInfo fromList = StreamInfo.parse(flat);
        assertThat(fromList).isEqualTo(new StreamInfo(StreamId.parse("200-1"), StreamId.ZERO,
                StreamId.parse("150-0"), 2));
        StreamInfo fromMap = StreamInfo.parse(Map.of("length", 2L, "last-generated-id", "200-1",
                "max-deleted-entry-id", "0-0", "first-entry", List.of("150-0", List.of())));
        assertThat(fromMap).isEqualTo(fromList);
    }
}
