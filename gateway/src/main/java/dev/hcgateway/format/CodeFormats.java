package dev.hcgateway.format;

import dev.hcgateway.model.Reason;
import java.util.List;

/** Chooses the format of a scanned text by its prefix: the one place where formats are told apart. */
public final class CodeFormats {

    private static final Decoded.Refused UNSUPPORTED = new Decoded.Refused(Reason.UNSUPPORTED_FORMAT);

    private final List<CodeFormat> formats;

    /** Creates the chooser over these formats; their prefixes must not overlap. */
    public CodeFormats(List<CodeFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Decodes the text with the format its prefix names; no format: {@code unsupported_format}. */
    public Decoded decode(String text) {
        if (text != null) {
            for (CodeFormat f : formats) {
                if (text.startsWith(f.prefix())) {
                    return f.decode(text);
                }
            }
        }
        return UNSUPPORTED;
    }
}
