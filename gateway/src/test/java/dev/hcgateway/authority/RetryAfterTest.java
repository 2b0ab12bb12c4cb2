package dev.hcgateway.authority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final long NOW = 1_795_300_000_000L; // 2026-11-22T...Z in millis

    @Test
    void millis_deltaSeconds_thatLong() {
        assertThat(RetryAfter.millis("30", NOW, 1000, 300_000)).isEqualTo(30_000);
    }

    @Test
    void millis_httpDate_untilThen() {
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.Instant.ofEpochMilli(NOW + 10_000).atZone(java.time.ZoneOffset.UTC));
        assertThat(RetryAfter.millis(inTenSeconds, NOW, 1000, 300_000)).isEqualTo(10_000);
    }

    @Test
    void millis_missingGarbageOrPast_defaultPause() {
        assertThat(RetryAfter.millis(null, NOW, 1000, 300_000)).isEqualTo(1000);
        assertThat(RetryAfter.millis("soon", NOW, 1000, 300_000)).isEqualTo(1000);
        assertThat(RetryAfter.millis("0", NOW, 1000, 300_000)).isEqualTo(1000);
        assertThat(RetryAfter.millis("Thu, 01 Jan 1970 00:00:00 GMT", NOW, 1000, 300_000)).isEqualTo(1000);
    }

    @Test
    void millis_hugeValue_capped() {
        assertThat(RetryAfter.millis("86400", NOW, 1000, 300_000)).isEqualTo(300_000);
        assertThat(RetryAfter.millis("99999999999999999999", NOW, 1000, 300_000)).isEqualTo(300_000);
    }
}
