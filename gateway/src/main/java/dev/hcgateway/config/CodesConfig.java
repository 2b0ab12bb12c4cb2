package dev.hcgateway.config;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.hcn1.ValidityBounds;

/**
 * Scene-independent rules of the codes themselves.
 *
 * @param maxValidity the longest a code of each kind is valid after its {@code iat} ({@code codes.maxValidityDays})
 */
public record CodesConfig(ValidityBounds maxValidity) {

    /** The longest bound accepted, in days: a decade, far past any field use. */
    static final long MAX_DAYS = 3650;

    public CodesConfig {
        java.util.Objects.requireNonNull(maxValidity, "maxValidity");
    }

    static CodesConfig from(ConfigNode n) {
        ConfigNode days = n.child("maxValidityDays");
        return new CodesConfig(ValidityBounds.ofDays(days(days, CodeKind.PERSONAL), days(days, CodeKind.PROXY),
                days(days, CodeKind.PAPER), days(days, CodeKind.INTERNATIONAL)));
    }

    /** Reads one kind's bound: null, missing or 0 leave the kind to its signed exp. */
    private static long days(ConfigNode days, CodeKind kind) {
        return days.optionalString(kind.wire()) == null ? 0 : days.number(kind.wire(), 0, MAX_DAYS);
    }
}
