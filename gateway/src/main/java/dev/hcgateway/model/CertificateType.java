package dev.hcgateway.model;

/** The three kinds of EU Digital COVID Certificate, with their hcert group and key-usage OID suffix. */
public enum CertificateType {
    VACCINATION("v", 2), TEST("t", 1), RECOVERY("r", 3);

    private final String group;
    private final int usage;
    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    CertificateType(String group, int usage) {
        this.group = group;
        this.usage = usage;
    }

    /** Returns the lower-case name used in answers and configuration. */
    public String wire() {
        return wire;
    }

    /** Returns the key of its array in the certificate map ({@code v}, {@code t} or {@code r}). */
    public String group() {
        return group;
    }

    /** Returns the type a DSC's extended key usage OID grants, in either spelling, or null for any other OID. */
    public static CertificateType ofKeyUsage(String oid) {
        for (String base : new String[]{"1.3.6.1.4.1.1847.2021.1.", "1.3.6.1.4.1.0.1847.2021.1."}) {
            if (oid.startsWith(base) && oid.length() == base.length() + 1) {
                for (CertificateType t : values()) {
                    if (oid.charAt(base.length()) == (char) ('0' + t.usage)) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /** Returns the type of a wire name, or null. */
    public static CertificateType ofWire(String name) {
        for (CertificateType t : values()) {
            if (t.wire.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
