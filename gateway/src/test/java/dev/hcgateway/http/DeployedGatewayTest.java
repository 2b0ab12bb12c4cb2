package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;

import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the API tests that need one gateway and nothing else: deployed per test on the default configuration
 * (and the test's {@link #overrides()}) at a fixed clock, with a web client and codes minted for that clock.
 */
@ExtendWith(VertxExtension.class)
abstract class DeployedGatewayTest {

    static final long NOW = 1_795_300_000L;

    final MutableClock clock = new MutableClock(NOW);
    final MintedCodes codes = new MintedCodes(NOW);
    Gateways.Deployed gateway;
    WebClient client;

    @BeforeEach
    void deploy(Vertx vertx) {
        client = WebClient.create(vertx);
        gateway = await(Gateways.deploy(vertx, clock, overrides()));
    }

    /** Returns this test's configuration overrides; none by default. */
    Map<String, Object> overrides() {
        return Map.of();
    }
}
