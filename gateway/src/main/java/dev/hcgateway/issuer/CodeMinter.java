package dev.hcgateway.issuer;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.hcgateway.cose.Base45;
import dev.hcgateway.cose.SigStructure;
import dev.hcgateway.crypto.Der;
import dev.hcgateway.hcn1.Hcn1Decoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.util.zip.Deflater;

/**
 * Mints {@code HCN1:} codes as an issuer does: CWT claims, COSE_Sign1 with ES256, zlib, Base45. Thread-safe;
 * each thread keeps its own {@link Signature}.
 */
public final class CodeMinter {

    private final IssuerKey key;
    private final CBORFactory cbor = new CBORFactory();
    private final ThreadLocal<Signature> signer;

    /** Creates a minter signing with this key, on the given provider (null: the JDK's default). */
    public CodeMinter(IssuerKey key, Provider provider) {
        this.key = key;
        this.signer = ThreadLocal.withInitial(() -> {
            try {
                return provider == null ? Signature.getInstance("SHA256withECDSA")
                        : Signature.getInstance("SHA256withECDSA", provider);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Returns the key this minter signs with. */
    public IssuerKey key() {
        return key;
    }

    /** Mints a valid code for these claims. */
    public String mint(CodeClaims claims) {
        byte[] protectedHeader = protectedHeader(-7, key.kid());
        byte[] payload = payload(claims);
        return text(sign1(protectedHeader, payload, sign(protectedHeader, payload), false), true);
    }

    /** Returns the protected header map {1: alg, 4: kid}. */
    public byte[] protectedHeader(int alg, byte[] kid) {
        return write(g -> {
            g.writeStartObject(2);
            g.writeFieldId(1);
            g.writeNumber(alg);
            g.writeFieldId(4);
            g.writeBinary(kid);
            g.writeEndObject();
        });
    }

    /** Returns the CWT claims map of these claims. */
    public byte[] payload(CodeClaims c) {
        return write(g -> {
            g.writeStartObject(6);
            g.writeFieldId(1);
            g.writeString(c.issuer());
            g.writeFieldId(2);
            g.writeString(c.subject());
            g.writeFieldId(4);
            g.writeNumber(c.expiresAt());
            g.writeFieldId(6);
            g.writeNumber(c.issuedAt());
            g.writeFieldId(7);
            g.writeBinary(c.codeId());
            g.writeFieldId(-65537);
            int n = 3 + (c.relation() != null ? 1 : 0) + (c.vaccinated() != null ? 1 : 0);
            g.writeStartObject(n);
            g.writeFieldId(1);
            g.writeNumber(colourCode(c));
            g.writeFieldId(2);
            g.writeNumber(c.colourAsOf());
            g.writeFieldId(3);
            g.writeNumber(c.kind().ordinal());
            if (c.relation() != null) {
                g.writeFieldId(4);
                g.writeString(c.relation());
            }
            if (c.vaccinated() != null) {
                g.writeFieldId(5);
                g.writeBoolean(c.vaccinated());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static int colourCode(CodeClaims c) {
        return switch (c.colour()) {
            case GREEN -> 0;
            case YELLOW -> 1;
            case RED -> 2;
            case ORANGE -> 3;
            case UNKNOWN, GREY -> throw new IllegalArgumentException("a code cannot carry the colour " + c.colour().wire());
        };
    }

    /** Returns the 64-byte ES256 signature (r || s) over the Sig_structure. */
    public byte[] sign(byte[] protectedHeader, byte[] payload) {
        try {
            Signature s = signer.get();
            s.initSign(key.privateKey());
            s.update(SigStructure.encode(protectedHeader, payload));
            return Der.toP1363(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Returns the COSE_Sign1 array, optionally with CBOR tag 18. */
    public byte[] sign1(byte[] protectedHeader, byte[] payload, byte[] signature, boolean tag18) {
        return write(g -> {
            if (tag18) {
                g.writeTag(18);
            }
            g.writeStartArray(null, 4);
            g.writeBinary(protectedHeader);
            g.writeStartObject(0);
            g.writeEndObject();
            g.writeBinary(payload);
            g.writeBinary(signature);
            g.writeEndArray();
        });
    }

    /** Returns the QR text of a COSE_Sign1: prefix, Base45, and zlib when {@code compress}. */
    public static String text(byte[] cose, boolean compress) {
        return Hcn1Decoder.PREFIX + Base45.encode(compress ? zlib(cose) : cose);
    }

    /** Returns zlib (RFC 1950) of the bytes at the best compression. */
    public static byte[] zlib(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
            byte[] buf = new byte[1024];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private interface Writer {
        void write(CBORGenerator g) throws IOException;
    }

    private byte[] write(Writer w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (CBORGenerator g = cbor.createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
