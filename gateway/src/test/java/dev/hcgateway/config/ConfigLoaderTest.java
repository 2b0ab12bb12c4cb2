package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The configuration as an operator meets it: defaults, an HC_CONFIG file over them, HC_* variables on top. */
class ConfigLoaderTest {

    private final List<String> warnings = new ArrayList<>();

    private GatewayConfig load(Map<String, String> env) {
        return new ConfigLoader().load(env, warnings);
    }

    @Test
    void defaults_withNoEnvironment_matchTheSpecAndWarnNothing() {
        GatewayConfig config = load(Map.of());
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.trust().file()).isNull();
        assertThat(config.redis().uri()).isNull();
        assertThat(config.authority().url()).isNull();
        assertThat(config.authority().token()).isNull();
        assertThat(config.admin().token()).isNull();
        assertThat(config.document().key()).isNull();
        assertThat(config.scenes()).containsKeys("metro", "rail", "airport", "venue");
        assertThat(warnings).isEmpty();
    }

    static Stream<Arguments> specVariables() {
        return Stream.of(
                Arguments.of("HC_HTTP_PORT", "9090", (Function<GatewayConfig, Object>) c -> c.http().port(), 9090),
                Arguments.of("HC_TRUST_FILE", "/etc/hc/trust.json",
                        (Function<GatewayConfig, Object>) c -> c.trust().file(), "/etc/hc/trust.json"),
                Arguments.of("HC_REDIS_URI", "redis://10.0.0.5:6379/2",
                        (Function<GatewayConfig, Object>) c -> c.redis().uri(), "redis://10.0.0.5:6379/2"),
                Arguments.of("HC_AUTHORITY_URL", "https://store.example/api",
                        (Function<GatewayConfig, Object>) c -> c.authority().url(), "https://store.example/api"),
                Arguments.of("HC_ADMIN_TOKEN", "an-admin-token-0123456789",
                        (Function<GatewayConfig, Object>) c -> c.admin().token(), "an-admin-token-0123456789"),
                Arguments.of("HC_AUTHORITY_TOKEN", "store-token",
                        (Function<GatewayConfig, Object>) c -> c.authority().token(), "store-token"),
                Arguments.of("HC_DOCUMENT_KEY", "document-secret-0123456789",
                        (Function<GatewayConfig, Object>) c -> c.document().key(), "document-secret-0123456789"),
                Arguments.of("HC_PASSBACK_SIGHTING_KEY", "sighting-secret-0123456789",
                        (Function<GatewayConfig, Object>) c -> c.sightings().sightingKey(), "sighting-secret-0123456789"),
                Arguments.of("HC_HTTP_MAX_IN_FLIGHT", "64",
                        (Function<GatewayConfig, Object>) c -> c.http().maxInFlight(), 64),
                Arguments.of("HC_HTTP_MAX_CONNECTIONS", "100",
                        (Function<GatewayConfig, Object>) c -> c.http().maxConnections(), 100),
                Arguments.of("HC_HTTP_SHUTDOWN_GRACE_MS", "2500",
                        (Function<GatewayConfig, Object>) c -> c.http().shutdownGraceMs(), 2500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specVariables")
    void environment_specVariable_overridesItsKey(String variable, String value,
                                                  Function<GatewayConfig, Object> read, Object expected) {
        assertThat(read.apply(load(Map.of(variable, value)))).isEqualTo(expected);
        assertThat(warnings).isEmpty();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("HC_HTTP_PORT", "eighty", "http.port"),
                Arguments.of("HC_HTTP_PORT", "70000", "http.port"),
                Arguments.of("HC_HTTP_MAX_IN_FLIGHT", "0", "http.maxInFlight"),
                Arguments.of("HC_HTTP_MAX_CONNECTIONS", "-1", "http.maxConnections"),
                Arguments.of("HC_HTTP_SHUTDOWN_GRACE_MS", "1.5", "http.shutdownGraceMs"),
                Arguments.of("HC_ADMIN_TOKEN", "short", "admin.token"),
                Arguments.of("HC_VERIFY_NATIVE_CRYPTO", "yes", "verify.nativeCrypto"),
                Arguments.of("HC_VERIFY_DEFAULT_SCENE", "beach", "verify.defaultScene"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void environment_badValue_failsNamingTheKey(String variable, String value, String key) {
        assertThatThrownBy(() -> load(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(key + ":")
                .hasMessageEndingWith("(set by " + variable + ")");
    }

    @Test
    void environment_sceneKeys_overrideTheirScene() {
        GatewayConfig config = load(Map.of("HC_SCENES_METRO_MAX_CODE_AGE_SECONDS", "300",
                "HC_SCENES_AIRPORT_PASSBACK_SECONDS", "60", "HC_SCENES_VENUE_DENY", "orange,red",
                "HC_SCENES_VENUE_MANUAL", "yellow"));
        assertThat(config.scene("metro").maxCodeAgeSeconds()).isEqualTo(300);
        assertThat(config.scene("rail").maxCodeAgeSeconds()).isEqualTo(180);
        assertThat(config.passback().get("airport").seconds()).isEqualTo(60);
        assertThat(config.scene("venue").decisions().get(Colour.YELLOW)).isEqualTo(Decision.MANUAL);
        assertThat(warnings).isEmpty();
    }

    @Test
    void environment_badSceneValue_failsNamingTheVariable() {
        assertThatThrownBy(() -> load(Map.of("HC_SCENES_METRO_MAX_CODE_AGE_SECONDS", "abc")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("scenes.metro.maxCodeAgeSeconds:")
                .hasMessageContaining("HC_SCENES_METRO_MAX_CODE_AGE_SECONDS");
    }

    @Test
    void environment_sceneOfTheConfigFile_takesVariablesToo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gw.yaml"), """
                scenes:
                  ferry-night:
                    pass: [green]
                    deny: [yellow, orange, red]
                    maxCodeAgeSeconds: 300
                    snapshotMaxAgeSeconds: 3600
                    fallback: manual
                    requireVaccinated: false
                """);
        GatewayConfig config = load(Map.of("HC_CONFIG", file.toString(),
                "HC_SCENES_FERRY_NIGHT_MAX_CODE_AGE_SECONDS", "90", "HC_SCENES_FERRY_MAX_CODE_AGE_SECONDS", "1"));
        assertThat(config.scene("ferry-night").maxCodeAgeSeconds()).isEqualTo(90);
        assertThat(warnings).singleElement().asString().contains("HC_SCENES_FERRY_MAX_CODE_AGE_SECONDS");
    }

    @Test
    void configFile_partial_mergesOverDefaultsAndEnvironmentWins(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gw.yaml"), """
                http:
                  port: 9000
                  maxInFlight: 100
                scenes:
                  metro:
                    maxCodeAgeSeconds: 60
                redis:
                  uri: redis://cache:6379/0
                """);
        Map<String, String> env = new HashMap<>(Map.of("HC_CONFIG", file.toString(), "HC_HTTP_PORT", "9100"));
        GatewayConfig config = load(env);
        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.http().maxInFlight()).isEqualTo(100);
        assertThat(config.http().idleTimeoutSeconds()).isEqualTo(60);
        assertThat(config.scene("metro").maxCodeAgeSeconds()).isEqualTo(60);
        assertThat(config.scene("metro").snapshotMaxAgeSeconds()).isEqualTo(86400);
        assertThat(config.scenes()).containsKeys("rail", "airport", "venue");
        assertThat(config.redis().uri()).isEqualTo("redis://cache:6379/0");
        assertThat(config.redis().keyPrefix()).isEqualTo("hc:");
        assertThat(warnings).isEmpty();
    }

    @Test
    void configFile_badValue_failsNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gw.yaml"), "http:\n  idleTimeoutSeconds: forever\n");
        assertThatThrownBy(() -> load(Map.of("HC_CONFIG", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("http.idleTimeoutSeconds:");
    }

    @Test
    void configFile_missing_failsNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> load(Map.of("HC_CONFIG", missing.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void environment_unknownHcVariable_isWarnedAboutByName() {
        GatewayConfig config = load(Map.of("HC_HTTP_PROT", "9090", "HC_LOG_LEVEL", "DEBUG", "PATH", "/bin"));
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("HC_HTTP_PROT");
    }

    static Stream<Arguments> misspeltFiles() {
        return Stream.of(
                Arguments.of("http:\n  maxInFlght: 100\n", "http.maxInFlght"),
                Arguments.of("htp:\n  port: 9000\n  maxInFlight: 100\n", "htp"),
                Arguments.of("scenes:\n  metro:\n    maxCodeAge: 60\n", "scenes.metro.maxCodeAge"),
                Arguments.of("scenes:\n  ferry:\n    pass: [green]\n    dney: [red]\n", "scenes.ferry.dney"),
                Arguments.of("places:\n  \"SH-L2-\": {id: SH, nmae: Shanghai}\n", "places.SH-L2-.nmae"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("misspeltFiles")
    void configFile_unknownKey_refusedNamingItsFullPath(String yaml, String path, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gw.yaml"), yaml);
        assertThatThrownBy(() -> load(Map.of("HC_CONFIG", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(path + ": unknown key in " + file);
    }

    @Test
    void configFile_newSceneWithKnownKeys_isAccepted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gw.yaml"), """
                scenes:
                  ferry:
                    pass: [green]
                    manual: [yellow]
                    deny: [orange, red]
                    maxCodeAgeSeconds: 300
                    snapshotMaxAgeSeconds: 3600
                    fallback: manual
                    requireVaccinated: false
                    requireVaccinated: false
                    issuers: []
                """);
        assertThat(load(Map.of("HC_CONFIG", file.toString())).scene("ferry").maxCodeAgeSeconds()).isEqualTo(300);
    }

    @Test
    void configFile_placesNamedByTheOperator_areAccepted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gw.yaml"), """
                places:
                  "SH-L2-PEOPLESQ-": {id: "SH-PEOPLESQ", name: "People's Square"}
                  "SH-L1-XUJIAHUI-": {id: "SH-XUJIAHUI", name: "Xujiahui"}
                """);
        assertThat(load(Map.of("HC_CONFIG", file.toString())).places()).containsOnlyKeys("SH-L2-PEOPLESQ-",
                "SH-L1-XUJIAHUI-");
    }

    @Test
    void environment_hcDemo_isKnownAndNotWarnedAbout() {
        load(Map.of("HC_DEMO", "true"));
        assertThat(warnings).isEmpty();
    }
}
