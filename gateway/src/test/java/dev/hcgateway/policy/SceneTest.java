package dev.hcgateway.policy;

import dev.hcgateway.model.Scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.config.ConfigException;
import dev.hcgateway.support.Gateways;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenes are configuration, validated at start: a table that could wave a red through is refused. */
class SceneTest {

    @Test
    void config_defaultScenes_matchTheApiTables() {
        var config = Gateways.config(Map.of());
        assertThat(config.scenes()).containsOnlyKeys("metro", "rail", "airport", "venue");
        Scene airport = config.scene("airport");
        assertThat(airport.maxCodeAgeSeconds()).isEqualTo(86400);
        assertThat(airport.snapshotMaxAgeSeconds()).isEqualTo(3600);
        assertThat(config.scene("metro").maxCodeAgeSeconds()).isEqualTo(180);
    }

    @Test
    void config_redUnderPass_isRefusedNamingTheScene() {
        assertThatThrownBy(() -> Gateways.config(Map.of("scenes.metro.pass", List.of("green", "red"),
                "scenes.metro.deny", List.of("yellow", "orange"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scenes.metro").hasMessageContaining("red");
    }

    @Test
    void config_colourMissingOrTwice_isRefused() {
        assertThatThrownBy(() -> Gateways.config(Map.of("scenes.rail.deny", List.of("yellow", "orange"))))
                .hasMessageContaining("scenes.rail").hasMessageContaining("red");
        assertThatThrownBy(() -> Gateways.config(Map.of("scenes.rail.manual", List.of("red"))))
                .hasMessageContaining("red is listed under two decisions");
    }

    @Test
    void config_newSceneWithIssuerList_isAcceptedWithoutCodeChanges() {
        var config = Gateways.config(Map.of("scenes.hospital", Map.of("pass", List.of("green"),
                "manual", List.of("yellow", "orange"), "deny", List.of("red"), "maxCodeAgeSeconds", 300,
                "snapshotMaxAgeSeconds", 600, "fallback", "deny", "requireVaccinated", true,
                "issuers", List.of("330100"))));
        Scene hospital = config.scene("hospital");
        assertThat(hospital.accepts("330100")).isTrue();
        assertThat(hospital.accepts("110000")).isFalse();
        assertThat(hospital.requireVaccinated()).isTrue();
    }
}
