package dev.hcgateway.issuer;

import dev.hcgateway.trust.TrustAnchor;
import dev.hcgateway.trust.TrustListException;
import dev.hcgateway.trust.TrustListParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs a trust file as the national trust anchor: a detached compact JWS (ES256) over the file's exact bytes,
 * written beside it as {@code <file>.jws}. The file is parsed first (a list no gateway would load is not worth a
 * signature), and the signature is checked with the gateway's own verifier before it is written.
 */
public final class TrustListSigner {

    private final IssuerKey anchor;

    /** Creates a signer with the anchor's private key. */
    public TrustListSigner(IssuerKey anchor) {
        this.anchor = anchor;
    }

    /**
     * Signs {@code trustFile} and returns the signature file written; throws {@link TrustListException} naming the
     * fault when the file is no valid trust list.
     */
    public Path sign(Path trustFile) throws IOException, GeneralSecurityException, TrustListException {
        byte[] content = Files.readAllBytes(trustFile);
        new TrustListParser(KeyFactory.getInstance("EC")).parse(content, trustFile.toString());
        String jws = jws(content);
        Path out = TrustAnchor.signatureFile(trustFile);
        if (!(new TrustAnchor(anchor.publicKey(), "the signing key")
                .check(content, jws.getBytes(StandardCharsets.US_ASCII), out.toString())
                instanceof TrustAnchor.Signed)) {
            throw new GeneralSecurityException("the signature just made does not verify; nothing written");
        }
        // Written whole, then moved into place: a gateway polling the directory never reads half a signature.
        Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), ".trust-sign-", ".tmp");
        try {
            Files.writeString(temporary, jws + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return out;
    }

    /** Returns the detached compact JWS of these bytes: {@code header..signature}, the header naming the key. */
    public String jws(byte[] content) throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        // kid: the spec's kid rule applied to the anchor's key, so an operator can tell which anchor key signed.
        String header = b64.encodeToString(("{\"alg\":\"ES256\",\"kid\":\"" + b64.encodeToString(anchor.kid())
                + "\"}").getBytes(StandardCharsets.US_ASCII));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(anchor.privateKey());
        signer.update((header + "." + b64.encodeToString(content)).getBytes(StandardCharsets.US_ASCII));
        return header + ".." + b64.encodeToString(signer.sign());
    }
}
