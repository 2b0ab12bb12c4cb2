package dev.hcgateway.revocation;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.RedisFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A new entry type (e.g. passback sightings) rides the same change stream by registering for its type. */
@ExtendWith(VertxExtension.class)
class OtherConsumersRideTheBusTest {

    @Test
    void sightingEntry_reachesItsRegisteredConsumer_countedAsApplied(Vertx vertx) throws Exception {
        try (RedisFixture redis = new RedisFixture(RedisFixture.SHARED_URI).initStore()) {
            MeterRegistry registry = new SimpleMeterRegistry();
            RedisRevocations store = new RedisRevocations(vertx, new ConfigLoader().defaultsWith(Map.of(
                    "redis.uri", redis.uri(), "redis.keyPrefix", redis.prefix())).redis(), Clock.systemUTC(), registry);
            List<String> gates = new CopyOnWriteArrayList<>();
            store.changes().on("sighting", fields -> gates.add(fields.get("gate")));
            await(store.start());
            try {
                redis.redis().xadd(redis.prefix() + "changes", Map.of("type", "sighting", "gate", "g-7"));

                Eventually.within(Duration.ofSeconds(2), "the sighting is delivered", () -> gates.contains("g-7"));
                assertThat(registry.get("hc.revocation.events.applied").tag("type", "sighting").counter().count())
                        .isEqualTo(1);
                assertThat(registry.get("hc.revocation.events.unusable").counter().count()).isZero();
            } finally {
                await(store.close());
            }
        }
    }
}
