package dev.hcgateway.issuer;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.hcgateway.cose.Base45;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Mints EU Digital COVID Certificates ({@code HC1:}) as a member state's signer does: hcert claims, COSE_Sign1
 * with ES256 under the Document Signer Certificate's kid (the first 8 bytes of SHA-256 over its DER), zlib,
 * Base45. The COSE layers are {@link CodeMinter}'s; only the kid, the claims and the prefix differ. For demos and
 * tests: the certificate is read with the JDK's X.509 reader, never built here (the repository ships a demo one,
 * {@code config/demo/XD-dsc.pem}).
 */
public final class DccMinter {

    private static final CBORFactory CBOR = new CBORFactory();

    private final CodeMinter cose;
    private final byte[] kid;

    /** Creates a minter signing with this EC P-256 key under this certificate's kid; refuses a mismatched pair. */
    public DccMinter(IssuerKey key, X509Certificate certificate) throws GeneralSecurityException {
        if (!key.publicKey().equals(certificate.getPublicKey())) {
            throw new GeneralSecurityException("the key is not the signer certificate's (its codes would never verify)");
        }
        this.cose = new CodeMinter(key, null);
        this.kid = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()), 8);
    }

    /** Reads a PKCS#8 key file (base64, as {@code keygen} writes) and a certificate file (PEM or DER). */
    public static DccMinter read(Path keyFile, Path certificateFile, String country)
            throws IOException, GeneralSecurityException {
        IssuerKey key = IssuerKey.read(keyFile, country);
        try (InputStream in = Files.newInputStream(certificateFile)) {
            return new DccMinter(key, (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    /** Returns the kid codes are signed under. */
    public byte[] kid() {
        return kid.clone();
    }

    /** Returns the {@code HC1:} text of a certificate with these claims (each call signs anew). */
    public String mint(DccClaims claims) {
        byte[] protectedHeader = cose.protectedHeader(-7, kid);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            claims.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = out.toByteArray();
        byte[] sign1 = cose.sign1(protectedHeader, payload, cose.sign(protectedHeader, payload), false);
        return "HC1:" + Base45.encode(CodeMinter.zlib(sign1));
    }
}
