package dev.hcgateway.judge;

import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.dcc.DccDecoder;
import dev.hcgateway.dcc.DccJudge;
import dev.hcgateway.format.CodeFormat;
import dev.hcgateway.format.Judging;
import dev.hcgateway.hcn1.Hcn1Decoder;
import dev.hcgateway.hcn1.Hcn1Format;
import dev.hcgateway.hcn1.Hcn1Judge;
import dev.hcgateway.hcn1.TimeRules;
import dev.hcgateway.hcn1.VerifiedMemo;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import java.util.List;

/**
 * Judges a scanned text in memory: its format chosen by prefix (the one place formats are told apart), then that
 * format's decoder and judge. Pure but for the revocation look-up it is given, thread-safe, and never throws on
 * hostile input. The gateway's pipeline and an offline gate call the same formats.
 */
public final class CodeJudge {

    private final CodeFormat[] formats;

    /** Creates the judge over these formats; their prefixes must not overlap. */
    public CodeJudge(List<CodeFormat> formats) {
        this.formats = formats.toArray(CodeFormat[]::new);
    }

    /**
     * Returns the formats the gateway reads: HCN1, and the EU DCC (docs/dcc.md). A new format is a decoder and a
     * judge, and one line here.
     *
     * @param memo the verified HCN1 texts a repeat scan may skip decode and signature for ({@link VerifiedMemo#none()})
     */
    public static CodeJudge standard(SignatureVerifiers verifiers, TimeRules time, VerifiedMemo<?> memo) {
        return new CodeJudge(List.of(
                new Hcn1Format(new Hcn1Decoder(), new Hcn1Judge(verifiers.es256(), time), memo),
                CodeFormat.of(DccDecoder.PREFIX, new DccDecoder(), new DccJudge(verifiers, time.skewSeconds()))));
    }

    /** Judges the text with the format its prefix names; no format: {@code unsupported_format}. */
    public Validation judge(String text, Judging judging) {
        if (text != null) {
            for (CodeFormat f : formats) {
                if (text.startsWith(f.prefix())) {
                    return f.judge(text, judging);
                }
            }
        }
        return Rejection.of(Reason.UNSUPPORTED_FORMAT);
    }
}
