package dev.hcgateway.loadtest.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.loadtest.gateway.InProcessGateway;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CI run of the attack suite (a few seconds): against a real gateway with a small connection bound (64, so
 * that twice it stays cheap), every attack is held: no 5xx but 503, no hang, and the probe gate always answered.
 */
class AttackSuiteHeldTest {

    @Test
    void everyAttack_atTwiceTheConnectionLimit_isHeldAndTheProbeIsServed() throws Exception {
        InProcessGateway gateway = InProcessGateway.start(Map.of("http.maxConnections", 64,
                "http.maxConnectionsPerAddress", 4096, "http.headerTimeoutMs", 500, "http.requestTimeoutMs", 500,
                "http.shedQueueMs", 10_000)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            // The probe shares 127.0.0.1 with the attackers and the address cap is above the bound, so the idle
            // reclaim and the deadlines, not the cap, are what keep it served.
            List<Tally> tallies = new AttackSuite(URI.create(gateway.url()).getPort(), AttackParams.smoke()).runAll();
            tallies.forEach(t -> System.out.println(t));
            assertThat(tallies).allSatisfy(t -> assertThat(t.held()).as(t.toString()).isTrue());
            assertThat(tallies.stream().filter(t -> t.attack.equals("slow_bodies")).findFirst().orElseThrow()
                    .toString()).contains("408");
        } finally {
            gateway.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }
}
