package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One stall of the event loop (a GC pause, a page fault, a blocking call: 300 ms here) with no queue behind it
 * makes nobody wait once it is over, so the few requests that arrived during it are judged, not shed: shedding
 * answers a standing queue, never a single late tick of the loop.
 */
class StallWithoutAQueueIsNotShedTest {

    private static final int GATES = 8;
    private final ServerFixture fixture = new ServerFixture();
    private final RawHttp.Fleet gates = new RawHttp.Fleet();

    @AfterEach
    void tearDown() throws Exception {
        gates.close();
        fixture.close();
    }

    @Test
    void loopBlocked300ms_requestsThatArrivedMeanwhile_allJudged() throws Exception {
        // The shipped shedding settings (ServerFixture turns shedding off for the other tests).
        int port = fixture.with("http.shedQueueMs", 20).with("http.shedIntervalMs", 100).start(1);
        String body = "{\"code\":\"" + fixture.code("s-stalled") + "\"}";
        for (int i = 0; i < GATES; i++) {
            assertThat(gates.connect(port).post(Routes.VERIFY, body)).startsWith("HTTP/1.1 200"); // path warm
        }

        CountDownLatch stalled = new CountDownLatch(1);
        fixture.servers.get(0).loop().runOnContext(v -> {
            stalled.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();
        for (RawHttp gate : gates) {
            gate.send("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        }
        for (RawHttp gate : gates) {
            assertThat(gate.readResponse()).startsWith("HTTP/1.1 200");
        }
        assertThat(fixture.registry.get("hc_requests_shed").counter().count()).isZero();
    }
}
