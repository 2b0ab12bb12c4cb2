package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The edge reads HTTP strictly: ambiguous body framing is refused, and HEAD works where GET does for probes. */
class HttpFramingTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void contentLengthWithTransferEncoding_isRefused400AndClosed() throws Exception {
        int port = fixture.start(1);
        try (RawHttp client = new RawHttp(port)) {
            // Framed by length, this is one request with a 5-byte body; framed by chunks, a second request follows.
            client.send("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET " + Routes.LIVE
                    + " HTTP/1.1\r\nHost: t\r\n\r\n");
            String answer = client.readResponse();
            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"ambiguous_framing\"");
            assertThat(client.closedByServer()).as("nothing after it is read").isTrue();
        }
    }

    @Test
    void headOfLiveness_answers200WithoutABody() throws Exception {
        int port = fixture.start(1);
        try (RawHttp client = new RawHttp(port)) {
            client.send("HEAD " + Routes.LIVE + " HTTP/1.1\r\nHost: t\r\n\r\n");
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) client.socket.getInputStream().read());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 200");
            // No body follows: the connection's next answer starts right away.
            assertThat(client.get(Routes.LIVE)).startsWith("HTTP/1.1 200").contains("\"live\":true");
        }
    }
}
