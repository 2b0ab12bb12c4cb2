package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server certificate and the device CA bundle each say how long they have left
 * ({@code hc_tls_certificate_expiry_seconds}), so an alert fires two weeks before either expires; a file that
 * cannot be read says NaN rather than a reassuring number.
 */
@ExtendWith(VertxExtension.class)
class TlsCertificateExpiryTest {

    @TempDir
    Path dir;

    @Test
    void tlsOn_serverAndClientCaExpiryExported_inSecondsFromTheInjectedClock(Vertx vertx) {
        DeviceCa serverCa = new DeviceCa("test server CA");
        DeviceCa deviceCa = new DeviceCa("test device CA");
        DeviceCa.Issued server = serverCa.issue(dir.resolve("server"), "CN=127.0.0.1", null); // valid one day
        Map<String, Object> o = new HashMap<>();
        o.put("http.tls.enabled", true);
        o.put("http.tls.keyFile", server.keyFile().toString());
        o.put("http.tls.certFile", server.certFile().toString());
        o.put("http.tls.clientAuth", "request");
        o.put("http.tls.trustFile", deviceCa.writeCert(dir.resolve("devices.pem")).toString());
        MutableClock clock = new MutableClock(System.currentTimeMillis() / 1000);

        Gateways.Deployed gateway = Gateways.await(Gateways.deploy(vertx, clock, o));

        double serverLeft = gateway.registry().get("hc.tls.certificate.expiry").tag("certificate", "server").gauge()
                .value();
        assertThat(serverLeft).isCloseTo(86_400, within(120.0));
        assertThat(gateway.registry().get("hc.tls.certificate.expiry").tag("certificate", "client_ca").gauge().value())
                .isCloseTo(86_400, within(120.0));
        clock.advanceSeconds(3600);
        assertThat(gateway.registry().get("hc.tls.certificate.expiry").tag("certificate", "server").gauge().value())
                .isCloseTo(serverLeft - 3600, within(1.0));
        assertThat(gateway.registry().scrape()).contains("hc_tls_certificate_expiry_seconds{certificate=\"server\"}");
    }

    @Test
    void secondsLeft_unreadableFile_NaN() throws Exception {
        Path garbage = Files.writeString(dir.resolve("cert.pem"), "not a certificate");
        assertThat(CertificateExpiry.secondsLeft(garbage, java.time.Clock.systemUTC())).isNaN();
        assertThat(CertificateExpiry.secondsLeft(dir.resolve("missing.pem"), java.time.Clock.systemUTC())).isNaN();
    }
}
