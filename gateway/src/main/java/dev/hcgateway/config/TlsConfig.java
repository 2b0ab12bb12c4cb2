package dev.hcgateway.config;

/**
 * TLS on the gate API, and the gate identity of client certificates.
 *
 * @param keyFile       PEM private key
 * @param certFile      PEM certificate chain, leaf first
 * @param reloadSeconds how often the files' modification times are checked for a rotation
 * @param clientAuth    whether client certificates are asked for
 * @param trustFile     PEM bundle of the device CAs, or null (then clientAuth must be none)
 * @param crlFile       PEM or DER CRL of revoked devices, or null
 * @param gateFrom      where a client certificate names its gate
 * @param engine        the TLS implementation: the JDK's, or OpenSSL (BoringSSL via netty-tcnative)
 */
public record TlsConfig(boolean enabled, String keyFile, String certFile, int reloadSeconds, ClientAuth clientAuth,
                        String trustFile, String crlFile, GateFrom gateFrom, Engine engine) {

    /** Whether client certificates are asked for. */
    public enum ClientAuth { NONE, REQUEST, REQUIRED }

    /** The certificate field holding the gate id. */
    public enum GateFrom { CN, SAN_DNS, SAN_URI }

    /** The TLS implementation; OPENSSL falls back to JDK (with a warning) where its native library cannot load. */
    public enum Engine { JDK, OPENSSL }

    /** TLS off. */
    public static final TlsConfig OFF = new TlsConfig(false, null, null, 30, ClientAuth.NONE, null, null, GateFrom.CN,
            Engine.OPENSSL);

    static TlsConfig from(ConfigNode n) {
        if (n.keys().isEmpty() || !n.bool("enabled")) {
            return OFF;
        }
        ClientAuth auth = choice(n, "clientAuth", ClientAuth.class);
        String trust = n.optionalString("trustFile");
        if (auth != ClientAuth.NONE && trust == null) {
            throw n.fail("trustFile", "is required when clientAuth is " + n.string("clientAuth"));
        }
        String crl = n.optionalString("crlFile");
        if (crl != null && trust == null) {
            throw n.fail("crlFile", "needs trustFile (a CRL checks client certificates)");
        }
        return new TlsConfig(true, n.string("keyFile"), n.string("certFile"), n.integer("reloadSeconds", 1, 86_400),
                auth, trust, crl, choice(n, "gateFrom", GateFrom.class), choice(n, "engine", Engine.class));
    }

    /** Returns whether client certificates name the gate. */
    public boolean mutual() {
        return enabled && clientAuth != ClientAuth.NONE;
    }

    private static <E extends Enum<E>> E choice(ConfigNode n, String key, Class<E> type) {
        String text = n.string(key);
        for (E e : type.getEnumConstants()) {
            if (e.name().replace('_', '-').equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw n.fail(key, "\"" + text + "\" is not one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().replace('_', '-').toLowerCase())
                        .toList());
    }
}
