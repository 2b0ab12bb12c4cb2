package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code POST /v1/verify} endpoint over bare sockets: body bounds enforced while reading, the deadline
 * covering a slow body, strict JSON, keep-alive. The shared answers (each reason, scene, error) are in
 * {@link VerifyApiTest}.
 */
class VerifyEndpointTest {

    private static final int MAX_BODY = 2048;
    private final ServerFixture fixture = new ServerFixture();
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = fixture.with("http.maxBodyBytes", MAX_BODY).with("http.requestTimeoutMs", 200).start(1);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void verify_declaredLengthOverLimit_is413AndClosedBeforeTheBody() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            head(http, "Content-Type: application/json\r\nContent-Length: 99999999999");
            String answer = http.readResponse();
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"body_too_large\"");
            assertThat(http.closedByServer()).isTrue();
        }
        assertThat(refused("body_too_large")).isEqualTo(1.0);
    }

    @Test
    void verify_chunkedBodyGrowingPastLimit_is413AndClosed() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            head(http, "Content-Type: application/json\r\nTransfer-Encoding: chunked");
            OutputStream out = http.socket.getOutputStream();
            String chunk = "{\"code\":\"" + "A".repeat(1000);
            for (int i = 0; i < 3; i++) {
                out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            String answer = http.readResponse();
            assertThat(answer).startsWith("HTTP/1.1 413").contains("body_too_large");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void verify_bodyStalledAfterTheHead_gets408ClientTimeoutAndNoSlotIsKept() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            head(http, "Content-Type: application/json\r\nContent-Length: 100");
            http.socket.getOutputStream().write("{\"code\":".getBytes(StandardCharsets.US_ASCII));
            String answer = http.readResponse(); // the 200 ms deadline runs from the head, body included
            // The body never completed: the client's fault (408), not one of the gateway's 5xx.
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"client_timeout\"");
            assertThat(http.closedByServer()).isTrue();
        }
        assertThat(fixture.services.admission().inFlight()).isZero();
    }

    @Test
    void verify_anyFormContentType_is415EvenWhenTheBodyIsJson() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            String body = "{\"code\":\"" + fixture.code("s-form") + "\"}";
            head(http, "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length());
            http.socket.getOutputStream().write(body.getBytes(StandardCharsets.US_ASCII));
            assertThat(http.readResponse()).startsWith("HTTP/1.1 415").contains("application/json");
        }
    }

    @Test
    void verify_malformedOrHostileJson_is400InvalidJson() throws IOException {
        String code = fixture.code("s-json");
        try (RawHttp http = new RawHttp(port)) {
            for (String body : new String[]{"{\"code\":\"" + code + "\"} {}", "{\"code\":\"" + code + "\"",
                    "{\"code\":\"x\",\"n\":" + "[".repeat(40) + "]".repeat(40) + "}", "\"code\"", "{'code':'x'}",
                    "{\"code\":\"x\" /* note */}", "{\"code\":\"x\",}"}) {
                assertThat(http.post(Routes.VERIFY, body)).as(body).startsWith("HTTP/1.1 400")
                        .contains("\"error\":\"invalid_json\"");
            }
        }
    }

    @Test
    void verify_fieldsOfOtherTypesOrUnknown_areRefusedOrSkipped() throws IOException {
        String code = fixture.code("s-fields");
        try (RawHttp http = new RawHttp(port)) {
            assertThat(http.post(Routes.VERIFY, "{\"code\":null}")).contains("\"error\":\"missing_code\"")
                    .contains("has no");
            assertThat(http.post(Routes.VERIFY, "{\"code\":{\"a\":1}}")).contains("\"error\":\"missing_code\"")
                    .contains("must be a string");
            assertThat(http.post(Routes.VERIFY, "{\"code\":\"x\",\"scene\":[\"metro\"]}"))
                    .contains("\"error\":\"unknown_scene\"");
            assertThat(http.post(Routes.VERIFY, "{\"code\":\"x\",\"gate\":7}")).contains("\"error\":\"invalid_gate\"");
            // Unknown fields, nested or not, are skipped; a repeated field keeps its last value.
            String answer = http.post(Routes.VERIFY, "{\"device\":{\"id\":[1,{\"x\":null}]},\"code\":\"junk\","
                    + "\"code\":\"" + code + "\",\"scene\":\"venue\",\"extra\":true}");
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"decision\":\"pass\"")
                    .contains("\"subject\":\"s-fields\"");
        }
    }

    @Test
    void verify_keepAliveConnection_answersEachRequestInTurn() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            for (int i = 0; i < 5; i++) {
                String subject = "s-keep-" + i;
                assertThat(http.post(Routes.VERIFY, "{\"code\":\"" + fixture.code(subject) + "\"}"))
                        .startsWith("HTTP/1.1 200").contains("\"subject\":\"" + subject + "\"")
                        .containsIgnoringCase("Content-Type: application/json");
            }
            assertThat(http.post(Routes.VERIFY, "[]")).startsWith("HTTP/1.1 400");
            assertThat(http.post(Routes.VERIFY, "{\"code\":\"" + fixture.code("s-after") + "\"}"))
                    .startsWith("HTTP/1.1 200");
        }
        assertThat(fixture.services.admission().inFlight()).isZero();
    }

    private static void head(RawHttp http, String headers) throws IOException {
        http.socket.getOutputStream().write(("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\n" + headers + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private double refused(String error) {
        var counter = fixture.registry.find("hc_requests_refused").tags("endpoint", Routes.VERIFY, "error", error)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
