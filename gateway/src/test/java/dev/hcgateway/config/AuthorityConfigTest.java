package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorityConfigTest {

    @Test
    void load_noAuthorityUrl_offlineWithBoundedDefaults() {
        GatewayConfig config = new ConfigLoader().load(Map.of(), new ArrayList<>());

        assertThat(config.authority().online()).isFalse();
        assertThat(config.colour().budgetMs()).isLessThanOrEqualTo(200);
        assertThat(config.colour().maxBatch()).isEqualTo(200);
        assertThat(config.authority().maxWaitQueue()).isPositive();
    }

    @Test
    void load_hcAuthorityUrlSet_onlineWithUrlWithoutTrailingSlash() {
        List<String> warnings = new ArrayList<>();
        GatewayConfig config = new ConfigLoader().load(Map.of("HC_AUTHORITY_URL", "http://store.internal:8090/",
                "HC_AUTHORITY_TOKEN", "t0k3n", "HC_COLOUR_BUDGET_MS", "120"), warnings);

        assertThat(config.authority().online()).isTrue();
        assertThat(config.authority().url()).isEqualTo("http://store.internal:8090");
        assertThat(config.authority().toString()).doesNotContain("t0k3n");
        assertThat(config.colour().budgetMs()).isEqualTo(120);
        assertThat(warnings).isEmpty();
    }

    @Test
    void defaultsWith_badUrlOrToken_refusedNamingKey() {
        ConfigLoader loader = new ConfigLoader();
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.url", "ftp://store")))
                .hasMessageContaining("authority.url");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.url", "http://store/?q=1")))
                .hasMessageContaining("authority.url");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.token", "a b\r\nX-Evil: 1")))
                .hasMessageContaining("authority.token");
    }

    @Test
    void defaultsWith_batchOverApiLimitOrBudgetPastRequestTimeout_refused() {
        ConfigLoader loader = new ConfigLoader();
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("colour.maxBatch", 201)))
                .hasMessageContaining("colour.maxBatch");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("colour.budgetMs", 1000)))
                .hasMessageContaining("colour.budgetMs");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("document.key", "short")))
                .hasMessageContaining("document.key");
    }
}
