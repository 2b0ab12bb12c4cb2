package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourAnswer;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.Scene;
import dev.hcgateway.support.FakeStore;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import dev.hcgateway.model.SubjectKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fake store on a real HTTP server, a mutable clock, and an online colour stage talking to the store. */
@ExtendWith(VertxExtension.class)
abstract class ColourFixture {

    static final long NOW = TestData.VECTORS_NOW;

    Vertx vertx;
    FakeStore store;
    MutableClock clock;
    SimpleMeterRegistry registry;
    GatewayConfig config;
    OnlineColours colours;

    @BeforeEach
    void startStore(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.clock = new MutableClock(NOW);
        this.registry = new SimpleMeterRegistry();
        this.store = await(new FakeStore().start(vertx));
    }

    @AfterEach
    void stop() throws Exception {
        if (colours != null) {
            await(colours.close());
        }
        await(store.close());
    }

    /**
     * Creates the online stage against the fake store, with config overrides ({@code section.key}) over a
     * generous budget (0.9 s) and request timeout (5 s).
     */
    OnlineColours online(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>();
        all.put("authority.url", store.url());
        // Generous by default: a cold JVM on a shared 2-core machine can take longer than 150 ms for the first
        // lookup. Tests of the budget set their own.
        all.put("colour.budgetMs", 900);
        all.put("authority.requestTimeoutMs", 5000);
        all.putAll(overrides);
        config = new ConfigLoader().defaultsWith(all);
        colours = new OnlineColours(vertx, config, clock, registry);
        return colours;
    }

    /** Creates the online stage against a port nobody listens on (the store is down). */
    OnlineColours onlineWithStoreDown(Map<String, Object> overrides) throws Exception {
        FakeStore dead = await(new FakeStore().start(vertx));
        String url = dead.url();
        await(dead.close());
        Map<String, Object> all = new HashMap<>(overrides);
        all.put("authority.url", url);
        return online(all);
    }

    /** Polls (no sleeping on time that the clock owns) until the condition holds, for at most 5 s. */
    static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }

    OnlineColours online() {
        return online(Map.of());
    }

    Scene scene(String name) {
        return config.scene(name);
    }

    /** Returns a valid code's claims with its signed colour known at {@code colourAsOf}. */
    static HealthCode code(String subject, Colour snapshot, long colourAsOf) {
        return new HealthCode("330100", subject, NOW - 10, NOW + 86_400, new byte[12], snapshot, colourAsOf,
                CodeKind.PERSONAL, null, false);
    }

    static HealthCode code(String subject, Colour snapshot) {
        return code(subject, snapshot, NOW - 60);
    }

    ColourAnswer scan(HealthCode code, String sceneName) throws Exception {
        return await(colours.colourOf(code, scene(sceneName)));
    }

    ColourAnswer scan(HealthCode code) throws Exception {
        return scan(code, "metro");
    }

    /** Returns the keys of these subjects under every issuer (an invalidation that names no issuer). */
    static List<SubjectKey> everywhere(String... subjects) {
        return Arrays.stream(subjects).map(SubjectKey::everyIssuer).toList();
    }

    double counter(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
