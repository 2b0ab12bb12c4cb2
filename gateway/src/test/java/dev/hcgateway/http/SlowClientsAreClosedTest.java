package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold a connection without sending a request or a body at a useful pace lose it, within a deadline
 * that no trickled byte extends; a body that never completes is the client's fault (408), not a 5xx.
 */
class SlowClientsAreClosedTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void silentConnection_isClosedAtTheHeaderDeadline() throws Exception {
        int port = fixture.with("http.headerTimeoutMs", 200).start(1);
        try (RawHttp silent = new RawHttp(port)) {
            // The idle timeout is 60 s and RawHttp reads for 5 s: only the header deadline closes it in time.
            assertThat(silent.closedByServer()).isTrue();
        }
        awaitTrue(() -> fixture.services.admission().connections() == 0);
        assertThat(closed("header_timeout")).isEqualTo(1);
    }

    @Test
    void headTrickledByteByByte_isClosedAtTheHeaderDeadline() throws Exception {
        int port = fixture.with("http.headerTimeoutMs", 300).start(1);
        String head = "GET " + Routes.LIVE + " HTTP/1.1\r\nHost: t\r\nX-Pad: " + "a".repeat(200);
        try (RawHttp slow = new RawHttp(port)) {
            long start = System.nanoTime();
            assertThat(trickle(slow, head, 20)).as("closed while still trickling").isTrue();
            // Every byte came well within the 60 s idle timeout, and the head was never finished.
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
        }
    }

    @Test
    void verifyBodyTrickled_isAnswered408AndClosed_notA5xx() throws Exception {
        int port = fixture.with("http.requestTimeoutMs", 300).start(1);
        try (RawHttp slow = new RawHttp(port)) {
            slow.send("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 400\r\n\r\n{\"code\":\"");
            String answer = slow.readResponse();
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"client_timeout\"")
                    .containsIgnoringCase("connection: close");
            assertThat(slow.closedByServer()).isTrue();
        }
        assertThat(refused(Routes.VERIFY, "client_timeout")).isEqualTo(1);
        assertThat(refused(Routes.VERIFY, "timeout")).isZero();
    }

    @Test
    void routedBodyBelowTheMinimumRate_isAnswered408AndClosed() throws Exception {
        int port = fixture.with("http.minBodyBytesPerSecond", 1000).with("http.bodyRateGraceMs", 100)
                .with("http.requestTimeoutMs", 30_000).start(1);
        try (RawHttp slow = new RawHttp(port)) {
            slow.send("POST " + Routes.VERIFY_BATCH + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 20000\r\n\r\n");
            // A byte every 20 ms (50 B/s): each one would reset an idle timeout, none extends the rate deadline.
            assertThat(trickle(slow, "{\"codes\":[" + "\"x\",".repeat(100), 20)).isTrue();
        }
        assertThat(closed("body_rate")).isEqualTo(1);
        assertThat(refused(Routes.VERIFY_BATCH, "client_timeout")).isEqualTo(1);
    }

    @Test
    void verifyStalledPastTheTimeout_gets503AndItsConnectionIsClosed() throws Exception {
        GatedColours stalled = new GatedColours();
        fixture.colours = stalled;
        int port = fixture.with("http.requestTimeoutMs", 200).with("colour.budgetMs", 50).start(1);
        try (RawHttp client = new RawHttp(port)) {
            assertThat(client.post(Routes.VERIFY, "{\"code\":\"" + fixture.code("s-stall") + "\"}"))
                    .startsWith("HTTP/1.1 503").contains("\"timeout\"").containsIgnoringCase("connection: close");
            assertThat(client.closedByServer()).isTrue();
        } finally {
            stalled.release();
        }
    }

    /** Writes {@code text} a byte at a time, {@code gapMs} apart; returns true once the server has closed. */
    static boolean trickle(RawHttp client, String text, long gapMs) throws Exception {
        for (char c : text.toCharArray()) {
            try {
                client.send(String.valueOf(c));
            } catch (IOException e) {
                return true; // reset by the server
            }
            if (client.socket.getInputStream().available() > 0) {
                break; // answered (and about to be closed)
            }
            Thread.sleep(gapMs); // the attacker's pace, not a wait for the server
        }
        client.socket.setSoTimeout(3000);
        try {
            String rest = new String(client.socket.getInputStream().readAllBytes());
            return rest.isEmpty() || rest.contains("408");
        } catch (java.net.SocketTimeoutException e) {
            return false; // still open
        } catch (IOException e) {
            return true;
        }
    }

    private double closed(String reason) {
        return fixture.registry.get("hc_connections_closed").tag("reason", reason).counter().count();
    }

    private double refused(String endpoint, String error) {
        var counter = fixture.registry.find("hc_requests_refused").tag("endpoint", endpoint).tag("error", error)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
