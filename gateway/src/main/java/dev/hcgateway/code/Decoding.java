package dev.hcgateway.code;

import dev.hcgateway.model.HealthCode;

import dev.hcgateway.model.Reason;
import java.util.Objects;

/** The result of decoding a code's layers: {@link Decoded} claims, or {@link Undecodable} with its reason. */
public sealed interface Decoding permits Decoding.Decoded, Decoding.Undecodable {

    /**
     * Claims and the material to verify them.
     *
     * @param kid        the 8-byte key id (protected header wins over unprotected)
     * @param toBeSigned the CBOR {@code Sig_structure} the signature covers
     * @param signature  64 bytes, r || s
     */
    record Decoded(HealthCode code, byte[] kid, byte[] toBeSigned, byte[] signature) implements Decoding {
        public Decoded {
            Objects.requireNonNull(code, "code");
            if (kid == null || kid.length != 8) {
                throw new IllegalArgumentException("kid must be 8 bytes");
            }
            if (signature == null || signature.length != 64) {
                throw new IllegalArgumentException("an ES256 signature is 64 bytes");
            }
            Objects.requireNonNull(toBeSigned, "toBeSigned");
        }
    }

    /** A text that is not a well-formed v1 health code. */
    record Undecodable(Reason reason) implements Decoding {
        public Undecodable {
            if (reason != Reason.MALFORMED && reason != Reason.UNSUPPORTED_FORMAT
                    && reason != Reason.UNSUPPORTED_ALGORITHM) {
                throw new IllegalArgumentException("not a decoding reason: " + reason);
            }
        }
    }
}
