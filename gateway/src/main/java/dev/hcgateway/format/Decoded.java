package dev.hcgateway.format;

import dev.hcgateway.model.Reason;
import java.util.Objects;

/** What a {@link CodeFormat} made of a text: a {@link Signed} credential, or a {@link Refused} one. */
public sealed interface Decoded permits Decoded.Signed, Decoded.Refused {

    /**
     * A decoded credential and the material to verify it; nothing of it is trusted yet.
     *
     * @param claims     the format's claims ({@code HealthCode} for HCN1, {@code DccCertificate} for HC1)
     * @param kid        the key id as found (its length is the format's business)
     * @param toBeSigned the bytes the signature covers (a COSE {@code Sig_structure})
     * @param signature  the signature bytes as carried
     * @param algorithm  the algorithm the protected header names
     */
    record Signed<C>(C claims, byte[] kid, byte[] toBeSigned, byte[] signature, SignatureAlgorithm algorithm)
            implements Decoded {
        public Signed {
            Objects.requireNonNull(claims, "claims");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(toBeSigned, "toBeSigned");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(algorithm, "algorithm");
        }
    }

    /** A text that no format could decode, with the reason (malformed, unsupported format or algorithm). */
    record Refused(Reason reason) implements Decoded {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
