package dev.hcgateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A key's {@code notBefore} / {@code notAfter} are read as RFC 3339 instants, bounds included, judged in whole
 * seconds of {@code iat}; a value that is not one, or a window that ends before it begins, refuses the file with
 * a message naming the key (a key quietly read as unbounded would trust what its issuer stopped).
 */
class KeyWindowIsReadExactlyOrTheFileRefusedTest {

    private final TrustListParser parser = new TrustListParser(CryptoProvider.select(true).ecKeyFactory());

    private JsonObject listWith(String field, Object value) {
        JsonObject list = new JsonObject(new String(TestData.resource("trust.json"), StandardCharsets.UTF_8));
        list.getJsonArray("issuers").getJsonObject(0).getJsonArray("keys").getJsonObject(0).put(field, value);
        return list;
    }

    private TrustedKey firstKey(JsonObject list) throws TrustListException {
        TrustList parsed = parser.parse(list.encode().getBytes(StandardCharsets.UTF_8), "w.json");
        String issuer = list.getJsonArray("issuers").getJsonObject(0).getString("id");
        return parsed.keys().values().stream().filter(k -> k.issuer().equals(issuer)).findFirst().orElseThrow();
    }

    @Test
    void noWindow_coversEveryIssueInstant() throws Exception {
        TrustedKey key = firstKey(listWith("unrelated", 1));
        assertThat(key.windowed()).isFalse();
        assertThat(key.covers(0)).isTrue();
        assertThat(key.covers(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void offsetsAndFractions_areTheInstantTheyName_boundsIncluded() throws Exception {
        JsonObject list = listWith("notBefore", "2026-12-06T08:00:00+08:00");
        list.getJsonArray("issuers").getJsonObject(0).getJsonArray("keys").getJsonObject(0)
                .put("notAfter", "2026-12-07t00:00:00.5z");
        TrustedKey key = firstKey(list);
        long from = Instant.parse("2026-12-06T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-12-07T00:00:00Z").getEpochSecond();

        assertThat(key.notBefore()).isEqualTo(Instant.ofEpochSecond(from));
        assertThat(key.covers(from - 1)).isFalse();
        assertThat(key.covers(from)).isTrue();
        assertThat(key.covers(to)).isTrue(); // 00:00:00 is before 00:00:00.5
        assertThat(key.covers(to + 1)).isFalse();
        assertThat(key.covers(Long.MIN_VALUE)).isFalse();
        assertThat(key.covers(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void fractionalNotBefore_startsAtTheNextWholeSecond() throws Exception {
        TrustedKey key = firstKey(listWith("notBefore", "2026-12-06T00:00:00.001Z"));
        long second = Instant.parse("2026-12-06T00:00:00Z").getEpochSecond();
        assertThat(key.covers(second)).isFalse();
        assertThat(key.covers(second + 1)).isTrue();
    }

    @Test
    void jsonNull_isNoBound() throws Exception {
        assertThat(firstKey(listWith("notAfter", null)).windowed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2026-12-06T00:00:00", "2026-12-06 00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-12-06T24:00:00Z", "2026-12-06T23:59:60Z", "yesterday", "", "1796515200", "2026-12-06T00:00Z",
        "2026-12-06T00:00:00+0800", "\u0000\u0001"})
    void notRfc3339_refusesTheFileNamingTheKeyAndField(String value) {
        assertThatThrownBy(() -> firstKey(listWith("notAfter", value)))
                .isInstanceOf(TrustListException.class)
                .hasMessageStartingWith("w.json: issuers[0]")
                .hasMessageContaining("keys[0]: notAfter is not an RFC 3339 date-time")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cntrl}"));
    }

    @Test
    void notAString_refusesTheFile() {
        assertThatThrownBy(() -> firstKey(listWith("notBefore", 1796515200)))
                .isInstanceOf(TrustListException.class).hasMessageContaining("notBefore must be an RFC 3339");
        assertThatThrownBy(() -> firstKey(listWith("notBefore", new JsonObject())))
                .isInstanceOf(TrustListException.class).hasMessageContaining("notBefore must be an RFC 3339");
    }

    @Test
    void windowEndingBeforeItBegins_refusesTheFile() {
        JsonObject list = listWith("notBefore", "2026-12-07T00:00:00Z");
        list.getJsonArray("issuers").getJsonObject(0).getJsonArray("keys").getJsonObject(0)
                .put("notAfter", "2026-12-06T00:00:00Z");

        assertThatThrownBy(() -> firstKey(list)).isInstanceOf(TrustListException.class)
                .hasMessageContaining("notAfter 2026-12-06T00:00:00Z is before notBefore 2026-12-07T00:00:00Z");
    }
}
