package dev.hcgateway.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A test CA (P-256) that issues server and gate certificates and CRLs and writes them as PEM files. */
final class DeviceCa {

    private final KeyPair key = keyPair();
    private final X509Certificate cert;
    private long serial = 1;

    DeviceCa(String name) {
        cert = issue("CN=" + name, key, true, null);
    }

    /** Writes the CA certificate to {@code file}. */
    Path writeCert(Path file) {
        return write(file, pem("CERTIFICATE", encoded(cert)));
    }

    /** Issues a certificate of {@code subject} (with an optional SAN) and writes its key and chain to a dir. */
    Issued issue(Path dir, String subject, GeneralName san) {
        KeyPair pair = keyPair();
        X509Certificate leaf = issue(subject, pair, false, san);
        Path keyFile = write(dir.resolve("key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Path certFile = write(dir.resolve("cert.pem"), pem("CERTIFICATE", encoded(leaf)));
        return new Issued(keyFile, certFile, leaf.getSerialNumber());
    }

    /** Writes a CRL of this CA revoking {@code serials} to {@code file} (PEM), as a device CA publishes one. */
    Path writeCrl(Path file, BigInteger... serials) {
        try {
            long now = System.currentTimeMillis();
            var builder = new X509v2CRLBuilder(new X500Name(cert.getSubjectX500Principal().getName()),
                    new Date(now - 60_000));
            builder.setNextUpdate(new Date(now + 86_400_000L));
            for (BigInteger serial : serials) {
                builder.addCRLEntry(serial, new Date(now - 60_000), CRLReason.keyCompromise);
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate());
            return write(file, pem("X509 CRL", builder.build(signer).getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key and chain files of one issued certificate. */
    record Issued(Path keyFile, Path certFile, BigInteger serial) {
    }

    private X509Certificate issue(String subject, KeyPair pair, boolean ca, GeneralName san) {
        try {
            long now = System.currentTimeMillis();
            X500Name issuer = cert == null ? new X500Name(subject) : new X500Name(cert.getSubjectX500Principal().getName());
            var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial++ + now),
                    new Date(now - 60_000), new Date(now + 86_400_000L), new X500Name(subject), pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (san != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(ca ? pair.getPrivate() : key.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            // Write beside and move: a reader never sees half a file (as an operator's rotation should do).
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
