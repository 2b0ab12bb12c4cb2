package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code image} section: defaults, environment overrides, validation naming the key. */
class ImageConfigTest {

    @Test
    void defaults_matchTheApiLimits() {
        ImageConfig image = new ConfigLoader().defaultsWith(Map.of()).image();
        assertThat(image.maxBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(image.maxPixels()).isEqualTo(16_000_000L);
        assertThat(image.poolSize()).isPositive();
        assertThat(image.decodeBudgetMs()).isLessThan(image.requestTimeoutMs());
    }

    @Test
    void environment_overridesImageKeys() {
        List<String> warnings = new ArrayList<>();
        ImageConfig image = new ConfigLoader().load(Map.of("HC_IMAGE_MAX_PIXELS", "4000000",
                "HC_IMAGE_POOL_SIZE", "3"), warnings).image();
        assertThat(image.maxPixels()).isEqualTo(4_000_000L);
        assertThat(image.poolSize()).isEqualTo(3);
        assertThat(warnings).isEmpty();
    }

    @Test
    void budgetNotBelowTimeout_refusedNamingTheKey() {
        assertThatThrownBy(() -> new ConfigLoader().defaultsWith(Map.of("image.decodeBudgetMs", 5000,
                "image.requestTimeoutMs", 5000))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.decodeBudgetMs");
    }

    @Test
    void bodyBudgetBelowTwiceMaxBytes_refusedNamingTheKey() {
        assertThat(new ConfigLoader().defaultsWith(Map.of()).image().bodyBudgetBytes())
                .isGreaterThanOrEqualTo(2L * 4 * 1024 * 1024);
        assertThatThrownBy(() -> new ConfigLoader().defaultsWith(Map.of("image.maxBytes", 1 << 20,
                "image.bodyBudgetBytes", (1 << 21) - 1))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.bodyBudgetBytes");
        assertThat(new ConfigLoader().load(Map.of("HC_IMAGE_BODY_BUDGET_BYTES", "8388608"), new ArrayList<>())
                .image().bodyBudgetBytes()).isEqualTo(8L << 20);
    }

    @Test
    void zeroPoolSize_refusedNamingTheKey() {
        assertThatThrownBy(() -> new ConfigLoader().defaultsWith(Map.of("image.poolSize", 0)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("image.poolSize");
    }
}
