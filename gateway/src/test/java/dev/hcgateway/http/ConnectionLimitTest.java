package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection bound: connections past it get a 503 they can act on, are closed, and free no slot. */
class ConnectionLimitTest {

    private final ServerFixture fixture = new ServerFixture();
    private final GatedColours stalledStore = new GatedColours();
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        fixture.colours = stalledStore;
        // One loop: reclaiming an idle connection looks at the loop the new one landed on.
        port = fixture.with("http.maxConnections", 2).with("http.requestTimeoutMs", 30_000)
                .with("http.headerTimeoutMs", 1000).start(1);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void connection_pastTheBoundWithNoneIdle_gets503WithRetryAfterAndIsClosed() throws Exception {
        try (RawHttp first = new RawHttp(port); RawHttp second = new RawHttp(port)) {
            holdVerify(first);
            holdVerify(second);
            try (RawHttp third = new RawHttp(port)) {
                String refused = third.get(Routes.LIVE);
                assertThat(refused).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 1")
                        .containsIgnoringCase("connection: close").contains("\"too_many_connections\"");
                assertThat(third.closedByServer()).isTrue();
            }
            // Admitted connections keep working.
            stalledStore.release();
            assertThat(first.readResponse()).startsWith("HTTP/1.1 200");
            assertThat(first.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
        }
        assertThat(fixture.registry.get("hc_connections_refused").counter().count()).isEqualTo(1);
    }

    @Test
    void connection_pastTheBoundWithOneIdle_closesTheOldestIdleAndIsServed() throws Exception {
        try (RawHttp busy = new RawHttp(port); RawHttp idle = new RawHttp(port)) {
            holdVerify(busy);
            // Once the idle one has been quiet for a second it makes room; until then the next is answered 503.
            awaitTrue(() -> {
                try (RawHttp next = new RawHttp(port)) {
                    return next.get(Routes.LIVE).startsWith("HTTP/1.1 200");
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(idle.closedByServer()).isTrue();
            stalledStore.release();
            assertThat(busy.readResponse()).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void connectionAnsweredWithinASecond_isNeverReclaimed_theNewOneIsAnswered503() throws Exception {
        try (RawHttp busy = new RawHttp(port); RawHttp keptAlive = new RawHttp(port)) {
            holdVerify(busy);
            // A gate between two scans: its next request may be on the wire already, so its connection stays.
            assertThat(keptAlive.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            try (RawHttp next = new RawHttp(port)) {
                assertThat(next.get(Routes.LIVE)).startsWith("HTTP/1.1 503").contains("\"too_many_connections\"");
            }
            assertThat(keptAlive.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            stalledStore.release();
            assertThat(busy.readResponse()).startsWith("HTTP/1.1 200");
        }
    }

    /** Sends a verify the stalled store holds, so that its connection is busy, not idle. */
    private void holdVerify(RawHttp client) throws Exception {
        int before = stalledStore.waiting();
        String body = "{\"code\":\"" + fixture.code("s-held") + "\"}";
        client.send("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        awaitTrue(() -> stalledStore.waiting() == before + 1);
    }

    @Test
    void connection_afterAnAdmittedOneCloses_isAdmitted() throws Exception {
        try (RawHttp kept = new RawHttp(port)) {
            assertThat(kept.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            try (RawHttp closing = new RawHttp(port)) {
                assertThat(closing.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            }
            awaitTrue(() -> fixture.services.admission().connections() == 1);
            try (RawHttp next = new RawHttp(port)) {
                assertThat(next.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void connection_pastTheBoundSendingNothing_isClosedSoon() throws Exception {
        try (RawHttp first = new RawHttp(port); RawHttp second = new RawHttp(port)) {
            holdVerify(first);
            holdVerify(second);
            try (RawHttp idle = new RawHttp(port)) {
                // Closed at the header deadline (1 s here), well before the 5 s read timeout and the 60 s idle timeout.
                assertThat(idle.closedByServer()).isTrue();
            }
            stalledStore.release();
        }
    }

    @Test
    void connection_admittedButSilent_isClosedByTheIdleTimeout() throws Exception {
        ServerFixture idle = new ServerFixture().with("http.idleTimeoutSeconds", 1);
        try (idle; RawHttp silent = new RawHttp(idle.start(1))) {
            awaitTrue(() -> idle.services.admission().connections() == 1);
            assertThat(silent.closedByServer()).isTrue();
            awaitTrue(() -> idle.services.admission().connections() == 0);
        }
    }
}
