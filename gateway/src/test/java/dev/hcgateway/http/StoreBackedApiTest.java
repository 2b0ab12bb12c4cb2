package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;

import dev.hcgateway.support.FakeStore;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the API tests that need an authoritative store: a fake store started per test, a gateway deployed
 * against it by {@link #deploy} (with the test's own {@link #settings()} and the call's overrides on top), and a
 * web client. The colour budget is generous: the tests are about what the store says, and shared machines run late.
 */
@ExtendWith(VertxExtension.class)
abstract class StoreBackedApiTest {

    static final long NOW = TestData.VECTORS_NOW;

    final MutableClock clock = new MutableClock(NOW);
    Vertx vertx;
    WebClient client;
    FakeStore store;
    Gateways.Deployed gateway;

    @BeforeEach
    void startStore(Vertx vertx) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.store = await(new FakeStore().start(vertx));
    }

    /** Returns the settings every gateway of this test has (an admin token, a document key...). */
    abstract Map<String, Object> settings();

    /** Deploys a gateway asking the store, with this test's settings and then {@code overrides} on top. */
    void deploy(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("authority.url", store.url(), "colour.budgetMs", 900));
        all.putAll(settings());
        all.putAll(overrides);
        gateway = await(Gateways.deploy(vertx, clock, all));
    }
}
