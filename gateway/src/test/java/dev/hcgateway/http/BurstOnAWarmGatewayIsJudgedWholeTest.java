package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A train unloads at 300 gates: 300 verifies at once on 300 keep-alive connections of a gateway that has just
 * reported ready (so warmed up, with the shipped settings). Each waits at most the burst's ~30 ms of work, which
 * drains long before a queue counts as standing: all 300 are judged, none shed.
 */
class BurstOnAWarmGatewayIsJudgedWholeTest {

    private static final long NOW = 1_795_400_000L;
    private static final int GATES = 300;
    private final Vertx vertx = Vertx.vertx();
    private final RawHttp.Fleet gates = new RawHttp.Fleet();

    @AfterEach
    void tearDown() throws Exception {
        gates.close();
        Gateways.await(vertx.close());
    }

    @Test
    void threeHundredVerifiesAtOnce_onAReadyGateway_allJudged_noneShed() throws Exception {
        Gateways.Deployed gateway = Gateways.await(Gateways.deploy(vertx, new MutableClock(NOW),
                Gateways.PRODUCTION_EDGE));
        int port = gateway.port();
        Eventually.within(Duration.ofSeconds(60), "the gateway warmed up and ready", () -> ready(port));
        MintedCodes codes = new MintedCodes(NOW);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < GATES; i++) {
            bodies.add("{\"code\":\"" + codes.valid(Colour.GREEN) + "\",\"scene\":\"venue\"}");
        }
        for (int i = 0; i < GATES; i++) {
            gates.connect(port);
        }
        for (int i = 0; i < GATES; i++) {
            gates.get(i).send("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bodies.get(i).length() + "\r\n\r\n" + bodies.get(i));
        }
        Map<String, Integer> statuses = new TreeMap<>();
        for (RawHttp gate : gates) {
            statuses.merge(gate.readResponse().substring(9, 12), 1, Integer::sum);
        }
        assertThat(statuses).as("statuses of the burst").isEqualTo(Map.of("200", GATES));
        assertThat(gateway.counted("hc_requests_shed")).isZero();
    }

    private static boolean ready(int port) {
        try (RawHttp probe = new RawHttp(port)) {
            return probe.get(Routes.READY).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }
}
