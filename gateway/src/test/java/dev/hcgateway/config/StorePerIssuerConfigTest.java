package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code authority.issuers} as an operator writes it: a store per issuer id, its token or the default one, checked
 * ids, URLs and keys, variables over a file's entries, and the default store's variable as before.
 */
class StorePerIssuerConfigTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.yaml"), yaml);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("HC_CONFIG", file.toString());
        List<String> warnings = new ArrayList<>();
        GatewayConfig config = new ConfigLoader().load(all, warnings);
        assertThat(warnings).isEmpty();
        return config;
    }

    @Test
    void fileWithIssuers_eachItsStoreAndToken_defaultUrlFromTheEnvironment() throws Exception {
        GatewayConfig config = load("""
                authority:
                  token: national-t0ken
                  issuers:
                    "440300": {url: "http://gd-store:8090/", token: ""}
                    "310000": {url: "https://sh-store/v1base"}
                  documentIssuer: "310000"
                """, Map.of("HC_AUTHORITY_URL", "http://national-store:8090",
                "HC_AUTHORITY_ISSUERS_440300_TOKEN", "gd-t0ken"));

        AuthorityConfig a = config.authority();
        assertThat(a.online()).isTrue();
        assertThat(a.defaultStore()).isEqualTo(new StoreEndpoint("http://national-store:8090", "national-t0ken"));
        assertThat(a.issuers()).containsExactly(
                Map.entry("440300", new StoreEndpoint("http://gd-store:8090", "gd-t0ken")),
                Map.entry("310000", new StoreEndpoint("https://sh-store/v1base", "national-t0ken")));
        assertThat(a.documentIssuer()).isEqualTo("310000");
        assertThat(a.toString()).doesNotContain("t0ken").contains("440300");
    }

    @Test
    void issuersWithoutDefaultUrl_online() {
        AuthorityConfig a = new ConfigLoader().defaultsWith(Map.of("authority.issuers",
                Map.of("440300", Map.of("url", "http://gd-store")))).authority();

        assertThat(a.online()).isTrue();
        assertThat(a.defaultStore()).isNull();
    }

    @Test
    void badIssuerIdUrlTokenOrKey_refusedNamingTheKey() {
        ConfigLoader loader = new ConfigLoader();
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.issuers",
                Map.of("gd:1", Map.of("url", "http://gd-store"))))).hasMessageContaining("authority.issuers.gd:1");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.issuers",
                Map.of("A".repeat(33), Map.of("url", "http://gd-store"))))).hasMessageContaining("not an issuer id");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.issuers",
                Map.of("440300", Map.of("url", "ftp://gd-store"))))).hasMessageContaining("authority.issuers.440300.url");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.issuers",
                Map.of("440300", Map.of("token", "t"))))).hasMessageContaining("authority.issuers.440300.url: is required");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.issuers",
                Map.of("440300", Map.of("url", "http://gd-store", "token", "a b\r\nX: 1")))))
                .hasMessageContaining("authority.issuers.440300.token");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.issuers",
                Map.of("440300", Map.of("url", "http://gd-store", "budgetMs", 10)))))
                .hasMessageContaining("authority.issuers.440300.budgetMs: unknown key");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.issuers",
                Map.of("440300", "http://gd-store")))).hasMessageContaining("authority.issuers.440300: must be a map");
        assertThatThrownBy(() -> loader.defaultsWith(Map.of("authority.documentIssuer", "110000")))
                .hasMessageContaining("authority.documentIssuer");
    }

    @Test
    void fileWithAMisspeltKeyInAnIssuersStore_refused() {
        assertThatThrownBy(() -> load("""
                authority:
                  issuers:
                    "440300": {ulr: "http://gd-store:8090"}
                """, Map.of())).hasMessageContaining("authority.issuers.440300.ulr");
    }
}
