package dev.hcgateway.format;

import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import java.util.Objects;

/**
 * One code format: the context prefix it owns, a {@link FormatDecoder} that reads a text in the order of its layers
 * and a {@link FormatJudge} that judges what was read. Implementations are thread-safe, hold no state of their own
 * (the revocations come in the {@link Judging}; a memo of verified texts, if any, is handed in), and never throw on
 * hostile input.
 */
public interface CodeFormat {

    /** Returns the context prefix, e.g. {@code HCN1:}. */
    String prefix();

    /** Decodes and judges a text that starts with {@link #prefix()}. */
    Validation judge(String text, Judging judging);

    /** Returns the format that decodes with {@code decoder}, then judges a signed result with {@code judge}. */
    static <C> CodeFormat of(String prefix, FormatDecoder<C> decoder, FormatJudge<C> judge) {
        return new Composed<>(prefix, decoder, judge);
    }

    /** A decoder followed by a judge: a refused text is rejected with its reason, a signed one judged. */
    record Composed<C>(String prefix, FormatDecoder<C> decoder, FormatJudge<C> judge) implements CodeFormat {

        public Composed {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(decoder, "decoder");
            Objects.requireNonNull(judge, "judge");
        }

        @Override
        public Validation judge(String text, Judging judging) {
            Decoded<C> decoded = decoder.decode(text);
            return decoded instanceof Decoded.Signed<C> signed ? judge.judge(signed, judging)
                    : Rejection.of(((Decoded.Refused<C>) decoded).reason());
        }
    }
}
