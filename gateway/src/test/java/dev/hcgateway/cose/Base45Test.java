package dev.hcgateway.cose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 9285 examples and round trips. */
class Base45Test {

    @Test
    void encode_rfcExamples_matchRfc() {
        assertThat(Base45.encode("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode("base-45".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UJCLQE7W581");
    }

    @Test
    void decode_rfcExample_matchesRfc() {
        assertThat(new String(Base45.decode("QED8WEX0", 0), StandardCharsets.US_ASCII)).isEqualTo("ietf!");
    }

    @Test
    void decode_invalidInput_isNull() {
        assertThat(Base45.decode("GGW", 0)).as("group over 65535").isNull();
        assertThat(Base45.decode("ab", 0)).as("lower case").isNull();
        assertThat(Base45.decode("A", 0)).as("dangling").isNull();
        assertThat(Base45.decode("::", 0)).as("pair over 255").isNull();
        assertThat(Base45.decode("A\u00e9B", 0)).as("non-ASCII").isNull();
    }

    @Test
    void roundTrip_randomBytes_isIdentity() {
        SplittableRandom random = new SplittableRandom(45);
        for (int i = 0; i < 500; i++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            assertThat(Base45.decode(Base45.encode(data), 0)).isEqualTo(data);
        }
    }
}
