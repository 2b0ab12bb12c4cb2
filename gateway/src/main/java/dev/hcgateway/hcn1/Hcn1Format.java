package dev.hcgateway.hcn1;

import dev.hcgateway.format.CodeFormat;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.format.Judging;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import java.util.Objects;

/**
 * The domestic {@code HCN1:} format: {@link Hcn1Decoder}, then {@link Hcn1Judge}. A text whose signature verified
 * recently (its {@link VerifiedMemo}) skips decode and signature; the rules after the signature run on every scan.
 */
public final class Hcn1Format implements CodeFormat {

    private final Hcn1Decoder decoder;
    private final Hcn1Judge judge;
    private final VerifiedMemo<?> memo;

    /** Creates the format from its decoder, its judge and the memo of verified texts ({@link VerifiedMemo#none()}). */
    public Hcn1Format(Hcn1Decoder decoder, Hcn1Judge judge, VerifiedMemo<?> memo) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.judge = Objects.requireNonNull(judge, "judge");
        this.memo = Objects.requireNonNull(memo, "memo");
    }

    @Override
    public String prefix() {
        return Hcn1Decoder.PREFIX;
    }

    @Override
    public Validation judge(String text, Judging judging) {
        return judge(memo, text, judging);
    }

    private <K> Validation judge(VerifiedMemo<K> memo, String text, Judging judging) {
        K key = memo.key(text);
        HealthCode known = memo.find(key, judging.trust());
        if (known != null) {
            return judge.judgeVerified(known, judging);
        }
        Decoded<HealthCode> decoded = decoder.decode(text);
        if (!(decoded instanceof Decoded.Signed<HealthCode> signed)) {
            return Rejection.of(((Decoded.Refused<HealthCode>) decoded).reason());
        }
        Rejection refused = judge.checkSignature(signed, judging);
        if (refused != null) {
            return refused;
        }
        memo.remember(key, signed.claims(), judging.trust());
        return judge.afterSignature(signed.claims(), judging);
    }
}
