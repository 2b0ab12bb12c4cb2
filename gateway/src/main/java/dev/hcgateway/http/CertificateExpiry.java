package dev.hcgateway.http;

import dev.hcgateway.config.TlsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;

/**
 * Measures how long the TLS certificates have left ({@code hc_tls_certificate_expiry_seconds{certificate}}): the
 * server chain ({@code server}) and the device CA bundle that client certificates chain to ({@code client_ca}), each
 * the earliest {@code notAfter} of its file, read with the JDK's X.509 parser at every scrape (a worker's job), so a
 * rotated file is measured at once. An unreadable file reads as NaN. Nothing when TLS is off.
 */
public final class CertificateExpiry {

    private CertificateExpiry() {
    }

    /** Registers the gauges of {@code tls}'s files. */
    public static void register(TlsConfig tls, Clock clock, MeterRegistry registry) {
        if (!tls.enabled()) {
            return;
        }
        gauge("server", tls.certFile(), clock, registry);
        if (tls.trustFile() != null) {
            gauge("client_ca", tls.trustFile(), clock, registry);
        }
    }

    private static void gauge(String certificate, String file, Clock clock, MeterRegistry registry) {
        Gauge.builder("hc.tls.certificate.expiry", () -> secondsLeft(Path.of(file), clock)).baseUnit("seconds")
                .tag("certificate", certificate)
                .description("Seconds until the earliest certificate of the file expires (negative: expired)")
                .register(registry);
    }

    /** Returns the seconds until the earliest certificate in a PEM file expires, or NaN when it cannot be read. */
    static double secondsLeft(Path file, Clock clock) {
        try (InputStream in = Files.newInputStream(file)) {
            long earliest = Long.MAX_VALUE;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                earliest = Math.min(earliest, ((X509Certificate) c).getNotAfter().getTime());
            }
            return earliest == Long.MAX_VALUE ? Double.NaN : (earliest - clock.millis()) / 1000.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
