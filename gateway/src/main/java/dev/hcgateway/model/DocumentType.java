package dev.hcgateway.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The identity documents a desk may swipe or type, and the canonical form of each one's number (the form that
 * is hashed; the store must hash the same form). Checks are on shape only, and never echo the number.
 */
public enum DocumentType {
    /** Mainland resident identity card (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character. */
    RESIDENT_ID("resident_id"),
    /** Passport of any country: 5..20 letters and digits. */
    PASSPORT("passport"),
    /** Mainland travel permit for Hong Kong and Macao residents, or the exit-entry permit: 5..20 letters/digits. */
    HK_MACAO_PERMIT("hk_macao_permit"),
    /** Mainland travel permit for Taiwan residents: 5..20 letters and digits. */
    TAIWAN_PERMIT("taiwan_permit"),
    /** Foreign permanent resident ID card: 5..20 letters and digits. */
    FOREIGN_PERMANENT_ID("foreign_permanent_id");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final String wire;

    DocumentType(String wire) {
        this.wire = wire;
    }

    /** Returns the snake-case name used in requests, answers and the hash input. */
    public String wire() {
        return wire;
    }

    /** Returns the type of this wire name, or null. */
    public static DocumentType ofWire(Object name) {
        for (DocumentType t : values()) {
            if (t.wire.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Returns every wire name, for error messages. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(DocumentType::wire).toList();
    }

    /** Returns what a valid number of this type looks like, for a 400 message. */
    public String shape() {
        return this == RESIDENT_ID ? "17 digits and a check character (0-9 or X)" : "5..20 letters A-Z and digits";
    }

    /**
     * Returns the canonical number (ASCII letters upper-cased), or null when the number does not have this
     * type's shape (or, for a resident ID, its check character does not match).
     */
    public String canonical(String number) {
        if (number == null || number.isEmpty() || number.length() > 20) {
            return null;
        }
        String upper = number.toUpperCase(Locale.ROOT);
        if (!upper.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            return null;
        }
        if (this != RESIDENT_ID) {
            return upper.length() >= 5 ? upper : null;
        }
        if (upper.length() != 18 || !upper.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (upper.charAt(i) - '0') * WEIGHTS[i];
        }
        return upper.charAt(17) == CHECK.charAt(sum % 11) ? upper : null;
    }
}
