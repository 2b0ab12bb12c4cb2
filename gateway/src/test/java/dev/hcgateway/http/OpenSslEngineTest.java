package dev.hcgateway.http;

import static dev.hcgateway.http.MtlsGateway.SLOW;
import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.config.TlsConfig;
import dev.hcgateway.http.connection.TlsSetup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code http.tls.engine: openssl}: BoringSSL loads from the jar here, and gates are served and identified alike. */
@ExtendWith(VertxExtension.class)
class OpenSslEngineTest {

    @TempDir
    Path dir;

    @Test
    void openssl_isTheEngineWhenAskedAndItsLibraryLoads_jdkOtherwise() {
        assertThat(TlsSetup.engine(TlsConfig.Engine.OPENSSL)).as("the bundled linux-x86_64 BoringSSL")
                .isInstanceOf(OpenSSLEngineOptions.class);
        assertThat(TlsSetup.engine(TlsConfig.Engine.JDK)).isInstanceOf(JdkSSLEngineOptions.class);
    }

    @Test
    void openssl_servesMutualTls_andTheCertificateNamesTheGate(Vertx vertx) {
        MtlsGateway gateway = new MtlsGateway(dir, 29).deploy(vertx, Map.of("http.tls.engine", "openssl"));
        HttpClient client = gateway.client(vertx, gateway.device("A", "CN=gate-A", null));
        assertThat(await(gateway.verify(client, "gate-A"), SLOW).status()).isEqualTo(200);
        assertThat(await(gateway.verify(client, "gate-B"), SLOW).status()).as("the certificate names gate-A")
                .isEqualTo(403);
    }
}
