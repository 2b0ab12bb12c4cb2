package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 700 keep-alive gates behind one address (a station's NAT, an ingress, the load-test kit) each send one verify
 * at once. Every one gets an HTTP answer, never a bare close: judged (200), or refused with a JSON body and
 * {@code Retry-After} (503, 429). With the shipped per-address bound all of them fit and nearly all are judged;
 * past a smaller bound the surplus is answered {@code 503 too_many_connections}.
 */
class KeepAliveFleetBehindOneAddressIsAnsweredTest {

    private static final int GATES = 700;
    private final ServerFixture fixture = new ServerFixture();
    private final RawHttp.Fleet gates = new RawHttp.Fleet();

    @AfterEach
    void tearDown() throws Exception {
        gates.close();
        fixture.close();
    }

    @Test
    void sevenHundredGatesOfOneAddress_shippedBounds_everyOneAnswered_nearlyAllJudged() throws Exception {
        // The shipped connection bounds (shedding by queue delay has tests of its own: BurstOnAWarmGateway...).
        int port = fixture.start(1);
        List<String> bodies = bodies();
        for (int i = 0; i < GATES; i++) {
            gates.connect(port);
        }
        for (int i = 0; i < GATES; i++) {
            send(gates.get(i), bodies.get(i)); // all at once: the gates of a train's worth of people
        }
        Map<String, Integer> answers = answers();
        assertThat(answers.getOrDefault("200", 0)).as("judged, of " + answers).isGreaterThanOrEqualTo(GATES * 95 / 100);
    }

    @Test
    void sevenHundredGatesOfOneAddress_pastItsBound_surplusAnswered503_noneClosedUnanswered() throws Exception {
        fixture.with("http.maxConnectionsPerAddress", 256);
        int port = fixture.start(1);
        List<String> bodies = bodies();
        for (int i = 0; i < GATES; i++) {
            gates.connect(port);
            send(gates.get(i), bodies.get(i)); // at once: a surplus connection silent for a second is closed
        }
        Map<String, Integer> answers = answers();
        // Past the bound a gate is answered 503 too_many_connections, unless one of the address's connections has
        // been quiet for a second by then and made room (a slow machine connects 700 sockets in more than that).
        assertThat(answers.get("200")).as("judged, of " + answers).isGreaterThanOrEqualTo(256 * 95 / 100);
        assertThat(answers.keySet()).as(answers.toString()).isSubsetOf("200", "503 too_many_connections");
        assertThat(fixture.registry.get("hc_connections_at_address_cap").counter().count())
                .isEqualTo(answers.getOrDefault("503 too_many_connections", 0).doubleValue());
    }

    private List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < GATES; i++) {
            bodies.add("{\"code\":\"" + fixture.code("s-nat-" + i) + "\",\"gate\":\"ST-G" + i + "\"}");
        }
        return bodies;
    }

    private static void send(RawHttp gate, String body) throws IOException {
        gate.send("POST " + Routes.VERIFY + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    }

    /** Reads every gate's answer; returns them by kind. */
    private Map<String, Integer> answers() {
        Map<String, Integer> kinds = new TreeMap<>();
        for (RawHttp gate : gates) {
            kinds.merge(kind(gate), 1, Integer::sum);
        }
        assertThat(kinds).as("every gate answered over HTTP").doesNotContainKey("no answer");
        return kinds;
    }

    private static String kind(RawHttp gate) {
        String answer;
        try {
            answer = gate.readResponse();
        } catch (IOException e) {
            return "no answer";
        }
        if (answer.startsWith("HTTP/1.1 200") && answer.contains("\"decision\"")) {
            return "200";
        }
        boolean refusal = (answer.startsWith("HTTP/1.1 503") || answer.startsWith("HTTP/1.1 429"))
                && answer.toLowerCase().contains("retry-after:") && answer.contains("{\"error\":\"");
        if (!refusal) {
            return "unexpected: " + answer.lines().findFirst().orElse("");
        }
        String error = answer.substring(answer.indexOf("{\"error\":\"") + 10);
        return answer.substring(9, 12) + " " + error.substring(0, error.indexOf('"'));
    }
}
