package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.config.TlsConfig;
import io.vertx.core.http.HttpConnection;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Resolves the gate of a request from its connection and its body. Under mTLS a client certificate names the
 * gate ({@code http.tls.gateFrom}); the body's {@code gate} may repeat it but not contradict it (403
 * {@code gate_mismatch}), and the passage records the certificate's gate. Without a certificate (TLS off, or
 * {@code clientAuth: request} and none sent) the body's gate stands.
 */
final class GateIdentity {

    static final ApiError MISMATCH = new ApiError(403, "gate_mismatch",
            "\"gate\" differs from the gate named by the client certificate.", 0);
    private static final ApiError NO_GATE = new ApiError(403, "gate_mismatch",
            "The client certificate names no gate.", 0);
    // Kept on the TLS session: read once per handshake, not per request (a resumed session keeps it too).
    private static final String SESSION_KEY = "hc.gate";
    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;

    private GateIdentity() {
    }

    /** Returns the request's gate (may be null), or throws a 403 {@code gate_mismatch} as an ApiException. */
    static String resolve(HttpConnection connection, String bodyGate, TlsConfig tls) {
        if (!tls.mutual() || !connection.isSsl()) {
            return bodyGate;
        }
        SSLSession session = connection.sslSession();
        if (session == null) {
            return bodyGate;
        }
        Object known = session.getValue(SESSION_KEY);
        String certGate;
        if (known instanceof String g) {
            certGate = g;
        } else {
            X509Certificate leaf = leaf(session);
            if (leaf == null) {
                return bodyGate; // clientAuth: request, and the gate sent no certificate
            }
            certGate = gateOf(leaf, tls.gateFrom());
            session.putValue(SESSION_KEY, certGate == null ? "" : certGate);
        }
        if (certGate == null || certGate.isEmpty()) {
            throw NO_GATE.exception();
        }
        if (bodyGate != null && !bodyGate.equals(certGate)) {
            throw MISMATCH.exception();
        }
        return certGate;
    }

    private static X509Certificate leaf(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** Returns the gate named by {@code cert} in the configured field, or null when it has none. */
    static String gateOf(X509Certificate cert, TlsConfig.GateFrom from) {
        return switch (from) {
            case CN -> commonName(cert);
            case SAN_DNS -> san(cert, SAN_DNS);
            case SAN_URI -> san(cert, SAN_URI);
        };
    }

    private static String commonName(X509Certificate cert) {
        try {
            LdapName name = new LdapName(cert.getSubjectX500Principal().getName());
            List<Rdn> rdns = name.getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) { // the most specific CN comes last in RFC 2253 order
                if ("CN".equalsIgnoreCase(rdns.get(i).getType())) {
                    return rdns.get(i).getValue().toString();
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static String san(X509Certificate cert, int kind) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names == null) {
                return null;
            }
            for (List<?> entry : names) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer k && k == kind && entry.get(1) instanceof String s) {
                    return s;
                }
            }
            return null;
        } catch (CertificateParsingException e) {
            return null;
        }
    }
}
