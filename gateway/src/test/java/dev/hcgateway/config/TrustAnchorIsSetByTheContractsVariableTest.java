package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code trust.anchorKey} is set by the variable the contract names, {@code HC_TRUST_ANCHOR}, as well as by the one
 * its path spells; unset, signatures are not required; two different values are refused, never one chosen silently.
 */
class TrustAnchorIsSetByTheContractsVariableTest {

    private final List<String> warnings = new ArrayList<>();

    private GatewayConfig load(Map<String, String> env) {
        return new ConfigLoader().load(env, warnings);
    }

    @Test
    void unset_noAnchor() {
        assertThat(load(Map.of()).trust().anchorKey()).isNull();
    }

    @Test
    void contractVariable_setsTheAnchor_withoutAWarning() {
        assertThat(load(Map.of("HC_TRUST_ANCHOR", "/etc/hc/anchor.pem")).trust().anchorKey())
                .isEqualTo("/etc/hc/anchor.pem");
        assertThat(warnings).isEmpty();
    }

    @Test
    void pathVariable_setsItToo_andBothAgreeing_isFine() {
        assertThat(load(Map.of("HC_TRUST_ANCHOR_KEY", "/a.pem")).trust().anchorKey()).isEqualTo("/a.pem");
        assertThat(load(Map.of("HC_TRUST_ANCHOR_KEY", "/a.pem", "HC_TRUST_ANCHOR", "/a.pem")).trust().anchorKey())
                .isEqualTo("/a.pem");
        assertThat(warnings).isEmpty();
    }

    @Test
    void bothVariables_differing_areRefusedNamingBoth() {
        assertThatThrownBy(() -> load(Map.of("HC_TRUST_ANCHOR_KEY", "/a.pem", "HC_TRUST_ANCHOR", "/b.pem")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HC_TRUST_ANCHOR")
                .hasMessageContaining("HC_TRUST_ANCHOR_KEY");
    }
}
