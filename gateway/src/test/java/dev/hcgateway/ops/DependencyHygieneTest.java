package dev.hcgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.Version;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The runtime class path holds what pom.xml says it does (docs/operations.md, "Dependencies"): one Netty
 * release for Vert.x, Lettuce and the native transport, no beta token library brought in by Lettuce, and the
 * SnakeYAML we chose rather than the older one the Vert.x BOM names. A dependency upgrade that breaks one of
 * these fails here, not in production.
 */
class DependencyHygieneTest {

    @Test
    void everyNettyArtifact_isOfOneRelease() {
        Map<String, String> versions = new TreeMap<>();
        Version.identify().forEach((artifact, version) -> versions.put(artifact, version.artifactVersion()));
        assertThat(versions).containsKeys("netty-common", "netty-codec-http", "netty-transport-native-epoll");
        assertThat(versions.values().stream().distinct()).as("Netty versions %s", versions).hasSize(1);
    }

    @Test
    void lettucesBetaTokenLibrary_isNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("redis.clients.authentication.core.TokenManager"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void snakeYaml_isTheOverriddenRelease_notTheBomsOlderOne() {
        String version = Yaml.class.getPackage().getImplementationVersion();
        // The jar's manifest names its release; read the pom.properties Maven packs if it does not.
        if (version == null) {
            version = pomVersion("org.yaml", "snakeyaml");
        }
        assertThat(version).as("SnakeYAML on the class path").isNotNull();
        assertThat(compare(version, "2.7")).as("SnakeYAML %s is at least 2.7", version).isGreaterThanOrEqualTo(0);
    }

    /** Returns the version in the pom.properties Maven packed into an artifact's jar, or null. */
    private static String pomVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Yaml.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    /** Compares two dotted numeric versions (a qualifier after a '-' is ignored). */
    private static int compare(String a, String b) {
        String[] x = a.split("-")[0].split("\\.");
        String[] y = b.split("-")[0].split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
