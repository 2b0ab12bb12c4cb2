package dev.hcgateway.issuer;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.hcgateway.code.Base45;
import dev.hcgateway.code.Der;
import dev.hcgateway.code.SigStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Mints EU Digital COVID Certificates ({@code HC1:}) as a member state's signer does: hcert claims, COSE_Sign1
 * with ES256 under the Document Signer Certificate's kid (the first 8 bytes of SHA-256 over its DER), zlib,
 * Base45. For demos and tests: the certificate is read with the JDK's X.509 reader, never built here (the
 * repository ships a demo one, {@code config/demo/XD-dsc.pem}).
 */
public final class DccMinter {

    private static final CBORFactory CBOR = new CBORFactory();

    private final PrivateKey key;
    private final byte[] kid;

    /** Creates a minter signing with this EC P-256 key under this certificate's kid. */
    public DccMinter(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        if (!(certificate.getPublicKey() instanceof ECPublicKey)) {
            throw new GeneralSecurityException("the signer certificate's key is not EC P-256 (only ES256 is minted)");
        }
        this.key = key;
        this.kid = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()), 8);
    }

    /** Reads a PKCS#8 key file (base64, as {@code keygen} writes) and a certificate file (PEM or DER). */
    public static DccMinter read(Path keyFile, Path certificateFile) throws IOException, GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        try (InputStream in = Files.newInputStream(certificateFile)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return new DccMinter(key, cert);
        }
    }

    /** Returns the kid codes are signed under. */
    public byte[] kid() {
        return kid.clone();
    }

    /** Returns the {@code HC1:} text of a certificate with these claims. */
    public String mint(DccClaims claims) {
        byte[] protectedHeader = cbor(g -> {
            g.writeStartObject(2);
            g.writeFieldId(1);
            g.writeNumber(-7);
            g.writeFieldId(4);
            g.writeBinary(kid);
            g.writeEndObject();
        });
        byte[] payload = cbor(claims::write);
        byte[] signature = sign(SigStructure.encode(protectedHeader, payload));
        byte[] cose = cbor(g -> {
            g.writeStartArray(null, 4);
            g.writeBinary(protectedHeader);
            g.writeStartObject(0);
            g.writeEndObject();
            g.writeBinary(payload);
            g.writeBinary(signature);
            g.writeEndArray();
        });
        return "HC1:" + Base45.encode(CodeMinter.zlib(cose));
    }

    private byte[] sign(byte[] toBeSigned) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(toBeSigned);
            return Der.toP1363(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Writes CBOR. */
    @FunctionalInterface
    interface CborBody {
        void write(CBORGenerator g) throws IOException;
    }

    static byte[] cbor(CborBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
