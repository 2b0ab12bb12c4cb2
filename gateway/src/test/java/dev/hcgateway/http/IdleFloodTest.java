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

        // The gate keeps being answered, on fresh connections, while the flood holds on: once the flood's
        // connections have been quiet for a second they make room (before, the gate is answered 503 with
        // Retry-After and tries again, as a gate does).
        awaitTrue(() -> probeServed(port));
        for (int i = 0; i < 4; i++) {
            assertThat(probeServed(port)).isTrue();
        }
        assertThat(fixture.registry.get("hc_connections_closed").tag("reason", "reclaimed").counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(fixture.services.admission().connections()).isLessThanOrEqualTo(LIMIT + 1);
    }

    private boolean probeServed(int port) {
        try (RawHttp probe = new RawHttp(port)) {
            String live = probe.get(Routes.LIVE);
            if (live.startsWith("HTTP/1.1 503")) {
                assertThat(live).contains("\"too_many_connections\"").containsIgnoringCase("retry-after: 1");
                return false;
            }
            assertThat(live).startsWith("HTTP/1.1 200");
            assertThat(probe.post(Routes.VERIFY, "{\"code\":\"" + fixture.code("s-probe") + "\"}"))
                    .startsWith("HTTP/1.1 200").contains("\"decision\"");
            return true;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
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

    @Test
    void addressAtItsShareWithSilentConnections_itsNewConnectionTakesTheOldestPlace() throws Exception {
        int port = fixture.with("http.maxConnectionsPerAddress", 2).start(1);
        try (RawHttp silent1 = new RawHttp(port, "127.0.0.2"); RawHttp silent2 = new RawHttp(port, "127.0.0.2")) {
            awaitTrue(() -> fixture.services.admission().connections() == 2);
            // Idle connections from a station's own NAT address cannot lock its gates out: once quiet for a second,
            // the oldest makes room (until then the gate is answered 503 with Retry-After, and tries again).
            awaitTrue(() -> {
                try (RawHttp gate = new RawHttp(port, "127.0.0.2")) {
                    return gate.get(Routes.LIVE).startsWith("HTTP/1.1 200");
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(silent1.closedByServer()).as("the oldest silent connection made room").isTrue();
        }
        assertThat(fixture.registry.get("hc_connections_closed").tag("reason", "reclaimed").counter().count())
                .isEqualTo(1);
    }
}
