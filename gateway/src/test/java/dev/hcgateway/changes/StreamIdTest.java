package dev.hcgateway.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamIdTest {

    @Test
    void parse_idWithSequence_roundTripsAndOrders() {
        StreamId a = StreamId.parse("1700000000000-0");
        StreamId b = StreamId.parse("1700000000000-1");
        StreamId c = StreamId.parse("1700000000001-0");
        assertThat(a.toString()).isEqualTo("1700000000000-0");
        assertThat(b.after(a)).isTrue();
        assertThat(c.after(b)).isTrue();
        assertThat(a.after(a)).isFalse();
        assertThat(StreamId.parse("5")).isEqualTo(new StreamId(5, 0));
        assertThat(List.of(c, a, b).stream().sorted().toList()).containsExactly(a, b, c);
    }

    @Test
    void parse_garbage_refused() {
        assertThatThrownBy(() -> StreamId.parse("x-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamId.parse("-1-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
