package dev.hcgateway.http;

import static dev.hcgateway.http.MtlsGateway.SLOW;
import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hcgateway.support.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code http.tls.crlFile}: a gate whose certificate the device CA revoked cannot connect, an unrevoked one is
 * served, and a CRL replaced on disk takes effect for new connections without a restart (with the rotation); on
 * either TLS engine.
 */
@ExtendWith(VertxExtension.class)
class RevokedGateCertificateTest {

    @TempDir
    Path dir;
    private MtlsGateway gateway;
    private DeviceCa.Issued revoked;
    private DeviceCa.Issued kept;
    private Path crl;

    private void deploy(Vertx vertx, String engine) {
        gateway = new MtlsGateway(dir, 23);
        revoked = gateway.device("R", "CN=gate-R", null);
        kept = gateway.device("K", "CN=gate-K", null);
        crl = gateway.deviceCa.writeCrl(dir.resolve("devices.crl"), revoked.serial());
        gateway.deploy(vertx, Map.of("http.tls.crlFile", crl.toString(), "http.tls.engine", engine));
    }

    /** Sends one verify on a new connection of {@code device}; returns the status. */
    private int verify(Vertx vertx, DeviceCa.Issued device) {
        HttpClient client = gateway.client(vertx, device);
        try {
            return await(gateway.verify(client, null), SLOW).status();
        } finally {
            client.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void revokedCertificate_isRefused_unrevokedIsServed(String engine, Vertx vertx) {
        deploy(vertx, engine);
        Throwable refused = catchThrowable(() -> verify(vertx, revoked));
        // Refused by the handshake (an alert), not by a timeout: a hang would also throw.
        assertThat(refused).as("listed in the CRL").hasMessageContaining("fatal alert");
        assertThat(verify(vertx, kept)).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void crlReplacedOnDisk_refusesNewlyRevokedGate_onItsNextConnection(String engine, Vertx vertx) {
        deploy(vertx, engine);
        assertThat(verify(vertx, kept)).isEqualTo(200);
        gateway.deviceCa.writeCrl(crl, revoked.serial(), kept.serial());
        Eventually.within(Duration.ofSeconds(20), "the new CRL refuses gate K", () -> {
            try {
                verify(vertx, kept);
                return false;
            } catch (AssertionError refused) {
                assertThat(refused).hasMessageContaining("fatal alert");
                return true;
            }
        });
    }
}
