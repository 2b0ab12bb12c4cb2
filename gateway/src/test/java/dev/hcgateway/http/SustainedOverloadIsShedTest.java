package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.colour.ColourService;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Scene;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Under real, sustained CPU overload the in-flight bound sees nothing (a CPU-bound verify holds no slot while it
 * waits for the loop), so the loop's queue delay decides: once it has stood above {@code http.shedQueueMs} for
 * {@code http.shedIntervalMs}, requests that waited longer are shed at once with 503 and Retry-After, the judged
 * ones wait about the target, and the loop judges again once the load is gone.
 */
class SustainedOverloadIsShedTest {

    private static final int GATES = 32;
    /** Each verify costs this much of the loop's CPU: a capacity of about 300 a second. */
    private static final long COST_NANOS = TimeUnit.MILLISECONDS.toNanos(3);
    private final ServerFixture fixture = new ServerFixture();
    private final RawHttp.Fleet gates = new RawHttp.Fleet();

    @AfterEach
    void tearDown() throws Exception {
        gates.close();
        fixture.close();
    }

    @Test
    void gatesPastTheLoopsCapacityForSeconds_excessShed503_thenServiceResumes() throws Exception {
        fixture.colours = new CpuBoundColours();
        int port = fixture.with("http.shedQueueMs", 20).with("http.shedIntervalMs", 100).start(1);
        String body = "{\"code\":\"" + fixture.code("s-queued") + "\"}";
        for (int i = 0; i < GATES; i++) {
            gates.connect(port);
        }
        // Every gate sends again as soon as it is answered: 32 x 3 ms = ~100 ms of queue in front of each verify.
        AtomicInteger judged = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        AtomicBoolean wrong = new AtomicBoolean();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<Thread> threads = new ArrayList<>();
        for (RawHttp gate : gates) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < until) {
                        String answer = gate.post(Routes.VERIFY, body);
                        if (answer.startsWith("HTTP/1.1 200")) {
                            judged.incrementAndGet();
                        } else if (answer.startsWith("HTTP/1.1 503") && answer.contains("\"overloaded\"")
                                && answer.toLowerCase().contains("retry-after: 1")) {
                            shed.incrementAndGet();
                        } else {
                            wrong.set(true);
                        }
                    }
                } catch (java.io.IOException e) {
                    wrong.set(true);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(wrong).as("every answer a 200 or a 503 overloaded with Retry-After").isFalse();
        assertThat(shed.get()).as("requests shed while the queue stood").isGreaterThan(0);
        assertThat(judged.get()).as("requests judged meanwhile").isGreaterThan(0);
        assertThat(fixture.registry.get("hc_requests_shed").counter().count()).isEqualTo(shed.get());
        // Once the load is gone, the next request is judged.
        OverloadTest.awaitTrue(() -> answeredOk(gates.get(0), body));
    }

    private static boolean answeredOk(RawHttp client, String body) {
        try {
            return client.post(Routes.VERIFY, body).startsWith("HTTP/1.1 200");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A colour stage that burns its verify's CPU on the event loop: a gateway whose loop is the bottleneck. */
    private static final class CpuBoundColours implements ColourService {
        @Override
        public Future<ColourAnswer> colourOf(HealthCode code, Scene scene) {
            long end = System.nanoTime() + COST_NANOS;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return Future.succeededFuture(ColourAnswer.of(code.colour(), ColourSource.CODE));
        }
    }
}
