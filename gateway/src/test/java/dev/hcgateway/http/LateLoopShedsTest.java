package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Under CPU overload the in-flight bound sees nothing (a CPU-bound verify holds no slot while it waits for the
 * loop), so the queueing delay decides: requests that waited past {@code http.shedQueueMs} behind a busy loop are
 * shed at once with 503 and Retry-After, and the loop is answering normally again right after.
 */
class LateLoopShedsTest {

    private static final int CLIENTS = 8;
    private final ServerFixture fixture = new ServerFixture();
    private final List<RawHttp> clients = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (RawHttp client : clients) {
            client.close();
        }
        fixture.close();
    }

    @Test
    void requestsQueuedBehindABusyLoop_areShed503_thenServiceResumes() throws Exception {
        int port = fixture.with("http.shedQueueMs", 50).start(1);
        String body = "{\"code\":\"" + fixture.code("s-queued") + "\"}";
        for (int i = 0; i < CLIENTS; i++) {
            RawHttp client = new RawHttp(port);
            assertThat(client.get(Routes.LIVE)).startsWith("HTTP/1.1 200"); // connected and admitted before
            clients.add(client);
        }

        // The loop is busy (as with a CPU-bound verify per request) for 400 ms while the gates send.
        CountDownLatch busy = new CountDownLatch(1);
        fixture.servers.get(0).loop().runOnContext(v -> {
            busy.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        for (RawHttp client : clients) {
            client.send("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        }

        int shed = 0;
        for (RawHttp client : clients) {
            String answer = client.readResponse();
            if (answer.startsWith("HTTP/1.1 503")) {
                assertThat(answer).containsIgnoringCase("retry-after: 1").contains("\"overloaded\"");
                shed++;
            } else {
                assertThat(answer).startsWith("HTTP/1.1 200");
            }
        }
        assertThat(shed).as("requests that waited behind the busy loop").isGreaterThan(0);
        assertThat(fixture.registry.get("hc_requests_shed").counter().count()).isEqualTo(shed);
        // Once the loop is on time again, the next request is judged.
        OverloadTest.awaitTrue(() -> answeredOk(clients.get(0), body));
    }

    private static boolean answeredOk(RawHttp client, String body) {
        try {
            return client.post(Routes.VERIFY, body).startsWith("HTTP/1.1 200");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
