package dev.hcgateway.http;

import static dev.hcgateway.http.MtlsGateway.SLOW;
import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.http.MtlsGateway.Answer;
import dev.hcgateway.support.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpConnection;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Under mTLS the client certificate names the gate: no certificate, no connection; a contradicting body, 403. */
@ExtendWith(VertxExtension.class)
class GateCertificateTest {

    @TempDir
    Path dir;
    private MtlsGateway gateway;

    @BeforeEach
    void deploy(Vertx vertx) {
        gateway = new MtlsGateway(dir, 5).deploy(vertx, Map.of("http.tls.gateFrom", "san-uri"));
    }

    private DeviceCa.Issued gate(String id) {
        return gateway.device(id, "CN=device " + id + ",O=Metro",
                new GeneralName(GeneralName.uniformResourceIdentifier, "urn:gate:" + id));
    }

    @Test
    void clientWithoutCertificate_underRequired_isRefusedAtTheHandshake(Vertx vertx) {
        assertThatThrownBy(() -> await(gateway.verify(gateway.client(vertx, null), "urn:gate:A"), SLOW)).isNotNull();
    }

    @Test
    void certificateOfGateA_postingGateB_gets403GateMismatch(Vertx vertx) {
        HttpClient a = gateway.client(vertx, gate("A"));
        Answer mismatch = await(gateway.verify(a, "urn:gate:B"), SLOW);
        assertThat(mismatch.status()).as(mismatch.body().encode()).isEqualTo(403);
        assertThat(mismatch.body().getString("error")).isEqualTo("gate_mismatch");
        assertThat(await(gateway.verify(a, "urn:gate:A"), SLOW).status()).isEqualTo(200);
        assertThat(await(gateway.verify(a, null), SLOW).status()).as("the certificate names the gate").isEqualTo(200);
    }

    @Test
    void batchUnderMtls_certificateOfGateA_postingGateB_gets403GateMismatch(Vertx vertx) {
        HttpClient a = gateway.client(vertx, gate("A"));
        Answer mismatch = await(gateway.batch(a, "urn:gate:B"), SLOW);
        assertThat(mismatch.status()).as(mismatch.body().encode()).isEqualTo(403);
        assertThat(mismatch.body().getString("error")).isEqualTo("gate_mismatch");
        assertThat(await(gateway.batch(a, "urn:gate:A"), SLOW).status()).isEqualTo(200);
        assertThat(await(gateway.batch(a, null), SLOW).status()).as("the certificate names the gate").isEqualTo(200);
    }

    @Test
    void rotation_keepsLiveConnection_andNewConnectionsSeeNewCertificate(Vertx vertx) {
        HttpClient kept = gateway.client(vertx, gate("K"));
        Answer first = await(gateway.verify(kept, null), SLOW);
        assertThat(first.status()).isEqualTo(200);
        assertThat(serial(first.connection())).isEqualTo(gateway.server().serial());

        DeviceCa.Issued rotated = gateway.serverCa.issue(dir.resolve("server"), "CN=127.0.0.1", null);
        Eventually.within(Duration.ofSeconds(20), "a new connection sees the rotated certificate", () -> {
            HttpClient fresh = gateway.client(vertx, gate("N"));
            try {
                return rotated.serial().equals(serial(await(gateway.verify(fresh, null), SLOW).connection()));
            } finally {
                fresh.close();
            }
        });
        Answer again = await(gateway.verify(kept, null), SLOW);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.connection()).as("the kept connection was not dropped").isSameAs(first.connection());
        assertThat(serial(again.connection())).isEqualTo(gateway.server().serial());
    }

    private static BigInteger serial(HttpConnection connection) {
        try {
            return ((X509Certificate) connection.peerCertificates().get(0)).getSerialNumber();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
