package dev.hcgateway.format;

import dev.hcgateway.code.CodeDecoder;
import dev.hcgateway.code.Decoding;

/** The domestic {@code HCN1:} format: {@link CodeDecoder} behind the format interface, unchanged. */
public final class Hcn1Format implements CodeFormat {

    private final CodeDecoder decoder;

    /** Wraps this decoder. */
    public Hcn1Format(CodeDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public String prefix() {
        return CodeDecoder.PREFIX;
    }

    @Override
    public Decoded decode(String text) {
        Decoding d = decoder.decode(text);
        if (d instanceof Decoding.Decoded ok) {
            // CodeDecoder accepts ES256 alone, so the algorithm is known here.
            return new Decoded.Signed<>(ok.code(), ok.kid(), ok.toBeSigned(), ok.signature(), SignatureAlgorithm.ES256);
        }
        return new Decoded.Refused(((Decoding.Undecodable) d).reason());
    }
}
