package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.hcn1.ValidityBounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** codes.maxValidityDays: the field's defaults, one kind per variable, null meaning the signed exp, errors by path. */
class CodesConfigTest {

    private final List<String> warnings = new ArrayList<>();

    private GatewayConfig load(Map<String, String> env) {
        return new ConfigLoader().load(env, warnings);
    }

    @Test
    void defaults_areTheFieldsBounds() {
        assertThat(load(Map.of()).codes().maxValidity()).isEqualTo(ValidityBounds.ofDays(3, 3, 14, 0));
    }

    @Test
    void environment_overridesOneKind() {
        GatewayConfig config = load(Map.of("HC_CODES_MAX_VALIDITY_DAYS_PAPER", "7",
                "HC_CODES_MAX_VALIDITY_DAYS_INTERNATIONAL", "30"));
        assertThat(config.codes().maxValidity()).isEqualTo(ValidityBounds.ofDays(3, 3, 7, 30));
        assertThat(warnings).isEmpty();
    }

    @Test
    void file_withNull_leavesTheKindToItsSignedExp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gw.yaml");
        Files.writeString(file, "codes:\n  maxValidityDays:\n    paper: null\n    personal: 0\n");
        GatewayConfig config = load(Map.of("HC_CONFIG", file.toString()));
        assertThat(config.codes().maxValidity()).isEqualTo(ValidityBounds.ofDays(0, 3, 0, 0));
    }

    @Test
    void badValue_namesTheFullKeyPath() {
        assertThatThrownBy(() -> load(Map.of("HC_CODES_MAX_VALIDITY_DAYS_PROXY", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("codes.maxValidityDays.proxy");
        assertThatThrownBy(() -> load(Map.of("HC_CODES_MAX_VALIDITY_DAYS_PAPER", "two weeks")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("codes.maxValidityDays.paper");
    }
}
