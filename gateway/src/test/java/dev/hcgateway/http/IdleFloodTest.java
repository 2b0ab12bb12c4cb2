package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections that hold slots without using them cannot lock live gates out: at the connection bound the oldest
 * idle connection makes room for a new one, and one client address cannot take more than its share.
 */
class IdleFloodTest {

    private static final int LIMIT = 64;
    private final ServerFixture fixture = new ServerFixture();
    private final List<RawHttp> attackers = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (RawHttp attacker : attackers) {
            attacker.close();
        }
        fixture.close();
    }

    @Test
    void attackersAtTwiceTheLimit_probeStillServed() throws Exception {
        int port = fixture.with("http.maxConnections", LIMIT).with("http.maxConnectionsPerAddress", LIMIT / 2)
                .start(1);
        String partialHead = "POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\n";
        // 2x the bound from four other addresses: half silent, half stuck in the middle of a request head.
        for (int i = 0; i < 2 * LIMIT; i++) {
            RawHttp attacker = new RawHttp(port, "127.0.0." + (2 + i % 4));
            attackers.add(attacker);
            if (i % 2 == 1) {
                attacker.send(partialHead);
            }
        }
        awaitTrue(() -> fixture.services.admission().connections() >= LIMIT - 1);

        // The gate keeps being answered, on fresh connections, while the flood holds on.
        for (int i = 0; i < 5; i++) {
            try (RawHttp probe = new RawHttp(port)) {
                assertThat(probe.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
                assertThat(probe.post(Routes.VERIFY, "{\"code\":\"" + fixture.code("s-probe") + "\"}"))
                        .startsWith("HTTP/1.1 200").contains("\"decision\"");
            }
        }
        assertThat(fixture.registry.get("hc_connections_closed").tag("reason", "reclaimed").counter().count())
                .isGreaterThanOrEqualTo(5);
        assertThat(fixture.services.admission().connections()).isLessThanOrEqualTo(LIMIT + 1);
    }

    @Test
    void oneAddressPastItsShare_isAnswered503ThenClosed_othersServed() throws Exception {
        int port = fixture.with("http.maxConnectionsPerAddress", 2).start(1);
        try (RawHttp a = new RawHttp(port, "127.0.0.2"); RawHttp b = new RawHttp(port, "127.0.0.2")) {
            assertThat(a.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            assertThat(b.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            try (RawHttp third = new RawHttp(port, "127.0.0.2")) {
                // Answered, never a bare close: a gate (or a balancer in front) reads why and when to retry.
                assertThat(third.post(Routes.VERIFY, "{\"code\":\"" + fixture.code("s-third") + "\"}"))
                        .startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 1")
                        .containsIgnoringCase("connection: close").contains("\"too_many_connections\"");
                assertThat(third.closedByServer()).isTrue();
            }
            try (RawHttp other = new RawHttp(port, "127.0.0.3")) {
                assertThat(other.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            }
        }
        assertThat(fixture.registry.get("hc_connections_at_address_cap").counter().count()).isEqualTo(1);
    }
}
