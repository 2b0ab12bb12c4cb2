package dev.hcgateway.dcc;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.hcgateway.cose.Base45;
import dev.hcgateway.trust.DscParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import dev.hcgateway.cose.SigStructure;

/**
 * Builds a DCC test corpus: Document Signer Certificates (BouncyCastle, test scope only) with or without the
 * key-usage OIDs, and HC1 codes signed with ES256 or PS256, with every layer adjustable to break it.
 */
public final class DccCorpus {

    /** The vaccination key-usage OID, in the registered and in the misspelt (".0.") form. */
    public static final String EKU_VACCINATION = "1.3.6.1.4.1.1847.2021.1.2";
    public static final String EKU_TEST_ALT = "1.3.6.1.4.1.0.1847.2021.1.1";

    private static final CBORFactory CBOR = new CBORFactory();

    private DccCorpus() {
    }

    /** A signer: its key pair, certificate DER, country and kid. */
    public record Dsc(KeyPair keys, byte[] der, String country, byte[] kid) {
        /** Returns the trust file item of this DSC. */
        public String item() {
            return "{\"kid\":\"" + Base64.getEncoder().encodeToString(kid) + "\",\"country\":\"" + country
                    + "\",\"rawData\":\"" + Base64.getEncoder().encodeToString(der) + "\"}";
        }
    }

    /** Returns a fresh P-256 key pair. */
    public static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a fresh RSA key pair of this size. */
    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a self-signed DSC valid in {@code [notBefore, notAfter]} with these extended key usages. */
    public static Dsc dsc(String country, KeyPair keys, Instant notBefore, Instant notAfter, String... eku) {
        try {
            X500Name name = new X500Name("C=" + country + ",CN=DSC test");
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
            if (eku.length > 0) {
                KeyPurposeId[] ids = new KeyPurposeId[eku.length];
                for (int i = 0; i < eku.length; i++) {
                    ids[i] = KeyPurposeId.getInstance(new ASN1ObjectIdentifier(eku[i]));
                }
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(ids));
            }
            String alg = keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            byte[] der = builder.build(new JcaContentSignerBuilder(alg).build(keys.getPrivate())).getEncoded();
            return new Dsc(keys, der, country, DscParser.kidOf(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a trust file holding these DSCs (and no issuers). */
    public static String trustJson(List<Dsc> dscs) {
        return "{\"certificates\":[" + String.join(",", dscs.stream().map(Dsc::item).toList()) + "]}";
    }

    /** Returns the CBOR claims of a vaccination certificate: dose {@code dn} of {@code sd}, given on {@code dt}. */
    public static byte[] vaccination(String iss, long iat, long exp, String uvci, int dn, int sd, String dt) {
        return claims(iss, iat, exp, "v", g -> {
            field(g, "tg", "840539006");
            g.writeFieldName("dn");
            g.writeNumber(dn);
            g.writeFieldName("sd");
            g.writeNumber(sd);
            field(g, "dt", dt);
            field(g, "ci", uvci);
        });
    }

    /** Returns the CBOR claims of a test certificate sampled at {@code sc} with result {@code tr}. */
    public static byte[] test(String iss, long iat, long exp, String uvci, String sc, String tr) {
        return claims(iss, iat, exp, "t", g -> {
            field(g, "tt", "LP6464-4");
            field(g, "sc", sc);
            field(g, "tr", tr);
            field(g, "ci", uvci);
        });
    }

    /** Returns the CBOR claims of a recovery certificate valid from {@code df} until {@code du}. */
    public static byte[] recovery(String iss, long iat, long exp, String uvci, String df, String du) {
        return claims(iss, iat, exp, "r", g -> {
            field(g, "fr", "2021-01-10");
            field(g, "df", df);
            field(g, "du", du);
            field(g, "ci", uvci);
        });
    }

    /** Writes one entry's fields. */
    @FunctionalInterface
    public interface Entry {
        void write(CBORGenerator g) throws IOException;
    }

    /** Returns claims with one {@code group} entry (plus a name and date of birth, which must never leak). */
    public static byte[] claims(String iss, long iat, long exp, String group, Entry entry) {
        return cbor(g -> {
            g.writeStartObject();
            if (iss != null) {
                g.writeFieldId(1);
                g.writeString(iss);
            }
            g.writeFieldId(4);
            g.writeNumber(exp);
            g.writeFieldId(6);
            g.writeNumber(iat);
            g.writeFieldId(-260);
            g.writeStartObject();
            g.writeFieldId(1);
            g.writeStartObject();
            field(g, "ver", "1.3.0");
            g.writeFieldName("nam");
            g.writeStartObject();
            field(g, "fn", "Musterfrau");
            field(g, "gn", "Erika");
            g.writeEndObject();
            field(g, "dob", "1964-08-12");
            if (group != null) {
                g.writeFieldName(group);
                g.writeStartArray();
                g.writeStartObject();
                entry.write(g);
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static void field(CBORGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    /** Returns CBOR written by {@code body}. */
    public static byte[] cbor(Entry body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CBORGenerator g = CBOR.createGenerator(out)) {
                body.write(g);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a signer of claims; the defaults make a well-formed HC1 code with the kid protected. */
    public static Signer signer(Dsc dsc) {
        return new Signer(dsc);
    }

    /** Signs claims into an HC1 text; each setter changes one layer. */
    public static final class Signer {
        private final Dsc dsc;
        private int alg;
        private boolean kidProtected = true;
        private boolean compress = true;
        private boolean tags;
        private String prefix = "HC1:";
        private byte[] kid;

        Signer(Dsc dsc) {
            this.dsc = dsc;
            this.alg = dsc.keys().getPublic().getAlgorithm().equals("EC") ? -7 : -37;
            this.kid = dsc.kid();
        }

        public Signer alg(int value) {
            alg = value;
            return this;
        }

        public Signer kidUnprotected() {
            kidProtected = false;
            return this;
        }

        public Signer uncompressed() {
            compress = false;
            return this;
        }

        /** Wraps the COSE_Sign1 in tag 18 inside a CWT tag 61. */
        public Signer tagged() {
            tags = true;
            return this;
        }

        public Signer prefix(String value) {
            prefix = value;
            return this;
        }

        public Signer kid(byte[] value) {
            kid = value;
            return this;
        }

        /** Returns the HC1 text of these claims. */
        public String sign(byte[] claims) {
            byte[] protectedHeader = cbor(g -> {
                g.writeStartObject();
                g.writeFieldId(1);
                g.writeNumber(alg);
                if (kidProtected) {
                    g.writeFieldId(4);
                    g.writeBinary(kid);
                }
                g.writeEndObject();
            });
            byte[] signature = signature(SigStructure.encode(protectedHeader, claims));
            byte[] cose = cbor(g -> {
                if (tags) {
                    g.writeTag(61);
                    g.writeTag(18);
                }
                g.writeStartArray();
                g.writeBinary(protectedHeader);
                g.writeStartObject();
                if (!kidProtected) {
                    g.writeFieldId(4);
                    g.writeBinary(kid);
                }
                g.writeEndObject();
                g.writeBinary(claims);
                g.writeBinary(signature);
                g.writeEndArray();
            });
            return prefix + Base45.encode(compress ? deflate(cose) : cose);
        }

        private byte[] signature(byte[] toBeSigned) {
            try {
                Signature s;
                if (dsc.keys().getPublic().getAlgorithm().equals("EC")) {
                    s = Signature.getInstance("SHA256withECDSAinP1363Format");
                } else {
                    s = Signature.getInstance("RSASSA-PSS");
                    s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                }
                s.initSign(dsc.keys().getPrivate());
                s.update(toBeSigned);
                return s.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Returns zlib-compressed bytes (the issuer tool's compressor). */
    public static byte[] deflate(byte[] data) {
        return dev.hcgateway.issuer.CodeMinter.zlib(data);
    }
}
