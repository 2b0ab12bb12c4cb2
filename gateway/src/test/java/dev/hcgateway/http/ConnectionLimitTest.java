package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection bound: connections past it get a 503 they can act on, are closed, and free no slot. */
class ConnectionLimitTest {

    private final ServerFixture fixture = new ServerFixture();
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        port = fixture.with("http.maxConnections", 2).start(2);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void connection_pastTheBound_gets503WithRetryAfterAndIsClosed() throws Exception {
        try (RawHttp first = new RawHttp(port); RawHttp second = new RawHttp(port)) {
            assertThat(first.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            assertThat(second.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            try (RawHttp third = new RawHttp(port)) {
                String refused = third.get(Routes.LIVE);
                assertThat(refused).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 1")
                        .containsIgnoringCase("connection: close").contains("\"too_many_connections\"");
                assertThat(third.closedByServer()).isTrue();
            }
            // Admitted connections keep working.
            assertThat(first.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
        }
        assertThat(fixture.registry.get("hc_connections_refused").counter().count()).isEqualTo(1);
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
            assertThat(first.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            assertThat(second.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            try (RawHttp idle = new RawHttp(port)) {
                // Closed after SURPLUS_CONNECTION_MS, well before the 5 s read timeout and the 60 s idle timeout.
                assertThat(idle.closedByServer()).isTrue();
            }
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
