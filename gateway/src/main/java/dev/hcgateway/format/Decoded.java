package dev.hcgateway.format;

import dev.hcgateway.crypto.SignatureAlgorithm;
import dev.hcgateway.model.Reason;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** What a {@link FormatDecoder} made of a text: a {@link Signed} credential, or a {@link Refused} one. */
public sealed interface Decoded<C> permits Decoded.Signed, Decoded.Refused {

    /** Returns the refusal for a decoding reason (malformed, unsupported format or algorithm); shared instances. */
    @SuppressWarnings("unchecked")
    static <C> Refused<C> refused(Reason reason) {
        Refused<?> r = Refused.BY_REASON.get(reason);
        if (r == null) {
            throw new IllegalArgumentException("not a decoding reason: " + reason);
        }
        return (Refused<C>) r;
    }

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
            implements Decoded<C> {
        public Signed {
            Objects.requireNonNull(claims, "claims");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(toBeSigned, "toBeSigned");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(algorithm, "algorithm");
        }
    }

    /** A text that its format could not decode, with the reason (malformed, unsupported format or algorithm). */
    record Refused<C>(Reason reason) implements Decoded<C> {

        private static final Map<Reason, Refused<?>> BY_REASON = new EnumMap<>(Reason.class);

        static {
            for (Reason r : new Reason[]{Reason.MALFORMED, Reason.UNSUPPORTED_FORMAT, Reason.UNSUPPORTED_ALGORITHM}) {
                BY_REASON.put(r, new Refused<>(r));
            }
        }

        public Refused {
            if (reason != Reason.MALFORMED && reason != Reason.UNSUPPORTED_FORMAT
                    && reason != Reason.UNSUPPORTED_ALGORITHM) {
                throw new IllegalArgumentException("not a decoding reason: " + reason);
            }
        }
    }
}
