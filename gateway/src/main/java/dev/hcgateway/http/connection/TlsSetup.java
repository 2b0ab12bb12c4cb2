package dev.hcgateway.http.connection;

import dev.hcgateway.config.TlsConfig;
import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts TLS on one HTTP server ({@code http.tls}): PEM key and chain, TLS 1.2 and 1.3 only, optional client
 * certificates against the device CA bundle and CRL; then watches the files' modification times and swaps the
 * certificate in with {@code updateSSLOptions} when one changes. Connections open at the swap keep their
 * session; new ones get the new certificate. A rotation that fails to load keeps the old one (and logs).
 */
public final class TlsSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSetup.class);
    static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

    private final Vertx vertx;
    private final TlsConfig tls;
    private long timer = -1;
    private String stamp;

    /** Creates the TLS set-up of one server. */
    public TlsSetup(Vertx vertx, TlsConfig tls) {
        this.vertx = vertx;
        this.tls = tls;
    }

    /**
     * Adds TLS to {@code options} when {@code http.tls.enabled}; completes with them. The engine is chosen on a
     * worker thread: asking whether OpenSSL is available loads its native library, which must not stall a loop.
     */
    public Future<HttpServerOptions> configure(HttpServerOptions options) {
        if (!tls.enabled()) {
            return Future.succeededFuture(options);
        }
        return vertx.executeBlocking(() -> engine(tls.engine())).map(engine -> configure(options, engine));
    }

    private HttpServerOptions configure(HttpServerOptions options, SSLEngineOptions engine) {
        ServerSSLOptions ssl = sslOptions();
        String engineName = engine instanceof OpenSSLEngineOptions ? "openssl" : "jdk";
        LOG.info("TLS on, engine {}, client certificates {}", engineName,
                tls.clientAuth().name().toLowerCase(Locale.ROOT));
        options.setSsl(true)
                // Measured against each other in docs/performance.md ("TLS: JDK provider or OpenSSL").
                .setSslEngineOptions(engine)
                .setKeyCertOptions(ssl.getKeyCertOptions())
                .setClientAuth(ssl.getClientAuth())
                .setEnabledSecureTransportProtocols(PROTOCOLS)
                .setSslHandshakeTimeout(ssl.getSslHandshakeTimeout())
                .setSslHandshakeTimeoutUnit(ssl.getSslHandshakeTimeoutUnit());
        if (ssl.getTrustOptions() != null) {
            options.setTrustOptions(ssl.getTrustOptions());
        }
        ssl.getCrlPaths().forEach(options::addCrlPath);
        return options;
    }

    /**
     * Returns the engine options of {@code engine}: OpenSSL when asked for and its native library loads here, else
     * the JDK's (with a warning when OpenSSL was asked for: the gateway still serves, at the JDK's CPU cost).
     */
    public static SSLEngineOptions engine(TlsConfig.Engine engine) {
        if (engine == TlsConfig.Engine.OPENSSL) {
            if (OpenSSLEngineOptions.isAvailable()) {
                // The session cache keeps resumed handshakes cheap for gates that reconnect.
                return new OpenSSLEngineOptions().setSessionCacheEnabled(true);
            }
            LOG.warn("http.tls.engine is openssl but its native library is unavailable here ({}); using the JDK's TLS",
                    String.valueOf(OpenSsl.unavailabilityCause()));
        }
        return new JdkSSLEngineOptions();
    }

    /** Returns the SSL options the files describe now. */
    ServerSSLOptions sslOptions() {
        ServerSSLOptions ssl = new ServerSSLOptions()
                .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(tls.keyFile()).setCertPath(tls.certFile()))
                .setClientAuth(switch (tls.clientAuth()) {
                    case NONE -> ClientAuth.NONE;
                    case REQUEST -> ClientAuth.REQUEST;
                    case REQUIRED -> ClientAuth.REQUIRED;
                })
                .setEnabledSecureTransportProtocols(PROTOCOLS)
                // A silent TLS connection must not hold its slot longer than a silent plain one.
                .setSslHandshakeTimeout(5).setSslHandshakeTimeoutUnit(TimeUnit.SECONDS);
        if (tls.trustFile() != null) {
            ssl.setTrustOptions(new PemTrustOptions().addCertPath(tls.trustFile()));
        }
        if (tls.crlFile() != null) {
            ssl.addCrlPath(tls.crlFile());
        }
        return ssl;
    }

    /** Starts watching the files of {@code server} for a rotation (nothing when TLS is off). */
    public Future<Void> watch(HttpServer server) {
        if (!tls.enabled()) {
            return Future.succeededFuture();
        }
        return stamp().map(s -> {
            stamp = s;
            timer = vertx.setPeriodic(TimeUnit.SECONDS.toMillis(tls.reloadSeconds()), id -> check(server));
            return null;
        });
    }

    /** Re-reads the files now when they changed; succeeds with whether the server took new options. */
    Future<Boolean> check(HttpServer server) {
        return stamp().compose(s -> {
            if (s.equals(stamp)) {
                return Future.succeededFuture(false);
            }
            // force: the paths are the same, so without it Vert.x would see equal options and keep the old context.
            return server.updateSSLOptions(sslOptions(), true).map(updated -> {
                stamp = s;
                LOG.info("TLS certificate reloaded from {}", tls.certFile());
                return updated;
            });
        }).recover(e -> {
            LOG.warn("TLS reload failed, keeping the current certificate: {}", e.toString());
            return Future.succeededFuture(false);
        });
    }

    /** Returns the files' modification times and sizes as one text, read off the event loop. */
    private Future<String> stamp() {
        List<String> files = new ArrayList<>(List.of(tls.keyFile(), tls.certFile()));
        if (tls.trustFile() != null) {
            files.add(tls.trustFile());
        }
        if (tls.crlFile() != null) {
            files.add(tls.crlFile());
        }
        List<Future<String>> props = files.stream()
                .map(f -> vertx.fileSystem().props(f).map(p -> p.lastModifiedTime() + "/" + p.size())).toList();
        return Future.all(props).map(all -> String.join(",", all.<String>list()));
    }

    /** Stops watching. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
