package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** http.tls and the rate limits: off by default, set from the environment, errors named by full key path. */
class TlsAndRateLimitConfigTest {

    private final List<String> warnings = new ArrayList<>();

    private GatewayConfig load(Map<String, String> env) {
        return new ConfigLoader().load(env, warnings);
    }

    @Test
    void defaults_tlsOff_addressUnlimited_gatesLimitedPerScene() {
        GatewayConfig config = load(Map.of());
        assertThat(config.http().tls().enabled()).isFalse();
        assertThat(config.http().perAddress().limited()).isFalse();
        assertThat(config.gateRateLimit("metro")).isEqualTo(new RateLimit(20, 40));
    }

    @Test
    void environment_enablesMutualTls() {
        TlsConfig tls = load(Map.of("HC_HTTP_TLS_ENABLED", "true", "HC_HTTP_TLS_KEY_FILE", "/k.pem",
                "HC_HTTP_TLS_CERT_FILE", "/c.pem", "HC_HTTP_TLS_CLIENT_AUTH", "required",
                "HC_HTTP_TLS_TRUST_FILE", "/ca.pem", "HC_HTTP_TLS_GATE_FROM", "san-dns")).http().tls();
        assertThat(tls.mutual()).isTrue();
        assertThat(tls.gateFrom()).isEqualTo(TlsConfig.GateFrom.SAN_DNS);
        assertThat(warnings).isEmpty();
    }

    @Test
    void clientAuthWithoutTrustFile_isRefusedByPath() {
        assertThatThrownBy(() -> load(Map.of("HC_HTTP_TLS_ENABLED", "true", "HC_HTTP_TLS_KEY_FILE", "/k.pem",
                "HC_HTTP_TLS_CERT_FILE", "/c.pem", "HC_HTTP_TLS_CLIENT_AUTH", "request")))
                .hasMessageStartingWith("http.tls.trustFile: ");
        assertThatThrownBy(() -> load(Map.of("HC_HTTP_TLS_ENABLED", "true", "HC_HTTP_TLS_KEY_FILE", "/k.pem",
                "HC_HTTP_TLS_CERT_FILE", "/c.pem", "HC_HTTP_TLS_GATE_FROM", "subject")))
                .hasMessageStartingWith("http.tls.gateFrom: ");
    }

    @Test
    void engine_defaultsToOpenSsl_jdkFromTheEnvironment_anythingElseRefusedByPath() {
        Map<String, String> tls = Map.of("HC_HTTP_TLS_ENABLED", "true", "HC_HTTP_TLS_KEY_FILE", "/k.pem",
                "HC_HTTP_TLS_CERT_FILE", "/c.pem");
        assertThat(load(tls).http().tls().engine()).isEqualTo(TlsConfig.Engine.OPENSSL);
        Map<String, String> jdk = new java.util.HashMap<>(tls);
        jdk.put("HC_HTTP_TLS_ENGINE", "jdk");
        assertThat(load(jdk).http().tls().engine()).isEqualTo(TlsConfig.Engine.JDK);
        jdk.put("HC_HTTP_TLS_ENGINE", "boring");
        assertThatThrownBy(() -> load(jdk)).hasMessageStartingWith("http.tls.engine: ");
    }

    @Test
    void rateWithoutBurst_isRefusedByPath() {
        assertThatThrownBy(() -> load(Map.of("HC_HTTP_RATE_LIMIT_PER_SECOND", "5", "HC_HTTP_RATE_LIMIT_BURST", "0")))
                .hasMessageStartingWith("http.rateLimit.burst: ");
    }
}
