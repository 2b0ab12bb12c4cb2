package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisConfigTest {

    @Test
    void defaults_noUri_boundedTimeoutsAndQueue() {
        RedisConfig redis = new ConfigLoader().defaultsWith(Map.of()).redis();
        assertThat(redis.uri()).isNull();
        assertThat(redis.keyPrefix()).isEqualTo("hc:");
        assertThat(redis.commandTimeoutMs()).isEqualTo(500);
        assertThat(redis.requestQueueSize()).isEqualTo(1024);
        assertThat(redis.streamBlockMs()).isEqualTo(1000);
        assertThat(redis.maxStalenessSeconds()).isEqualTo(600);
        assertThat(redis.onStale()).isEqualTo(RedisConfig.OnStale.SERVE);
        assertThat(redis.requireMarker()).as("an empty Redis is never read as nothing revoked").isTrue();
        assertThat(redis.maxStaleSeconds()).isEqualTo(86_400);
    }

    @Test
    void environment_overridesEachKey() {
        List<String> warnings = new ArrayList<>();
        RedisConfig redis = new ConfigLoader().load(Map.of("HC_REDIS_URI", "redis://10.0.0.1:6379/2",
                "HC_REDIS_COMMAND_TIMEOUT_MS", "250", "HC_REDIS_ON_STALE", "unready",
                "HC_REDIS_REQUIRE_MARKER", "false", "HC_REDIS_MAX_STALE_SECONDS", "3600"), warnings).redis();
        assertThat(warnings).isEmpty();
        assertThat(redis.uri()).isEqualTo("redis://10.0.0.1:6379/2");
        assertThat(redis.commandTimeoutMs()).isEqualTo(250);
        assertThat(redis.onStale()).isEqualTo(RedisConfig.OnStale.UNREADY);
        assertThat(redis.requireMarker()).isFalse();
        assertThat(redis.maxStaleSeconds()).isEqualTo(3600);
        assertThat(redis.toString()).doesNotContain("10.0.0.1");
    }

    @Test
    void badValues_errorNamesTheKey() {
        ConfigLoader loader = new ConfigLoader();
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.uri", "http://x")))
                .hasMessageStartingWith("redis.uri:");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.commandTimeoutMs", 0)))
                .hasMessageStartingWith("redis.commandTimeoutMs:");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.requestQueueSize", "lots")))
                .hasMessageStartingWith("redis.requestQueueSize:");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.keyPrefix", "a b")))
                .hasMessageStartingWith("redis.keyPrefix:");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.onStale", "panic")))
                .hasMessageStartingWith("redis.onStale:");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.maxStalenessSeconds", -1)))
                .hasMessageStartingWith("redis.maxStalenessSeconds:");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.maxStaleSeconds", 300)))
                .hasMessageStartingWith("redis.maxStaleSeconds: must be at least redis.maxStalenessSeconds (600)");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.streamBlockMs", 10, "redis.commandTimeoutMs", 500)))
                .hasMessageStartingWith("redis.commandTimeoutMs:");
    }

    @Test
    void sentinelUri_acceptedWithMasterSet_refusedWithoutOne() {
        ConfigLoader loader = new ConfigLoader();
        String uri = "redis-sentinel://:secret@10.0.0.1:26379,10.0.0.2:26379,10.0.0.3:26379/0#mymaster";
        assertThat(loader.defaultsWith(Map.of("redis.uri", uri)).redis().uri()).isEqualTo(uri);
        assertThat(loader.defaultsWith(Map.of("redis.uri", "rediss-sentinel://s1:26379#hc")).redis().uri())
                .startsWith("rediss-sentinel://");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.uri", "redis-sentinel://:secret@s1:26379/0")))
                .hasMessageStartingWith("redis.uri: a Sentinel URI must end with #<master set name>")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.uri", "redis-sentinel://s1:26379,s2/0#m")))
                .hasMessageStartingWith("redis.uri: every sentinel needs host:port");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("redis.uri", "redis-sentinel://s1:99999#m")))
                .hasMessageStartingWith("redis.uri: every sentinel needs host:port");
    }
}
