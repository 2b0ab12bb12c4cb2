package dev.hcgateway.loadtest.pool;

import dev.hcgateway.model.Colour;

/**
 * Names load-test subjects so that their colour can be read back from the name: {@code s-G0000042} is green,
 * {@code s-Y...} yellow, {@code s-O...} orange, {@code s-R...} red. The store simulator uses this as the colour
 * of every subject it was not told otherwise about, so a pool and a standalone simulator agree without sharing
 * a file. These are pseudonyms of nobody.
 */
public final class Subjects {

    private Subjects() {
    }

    /** Returns the subject of pool index {@code index} whose true colour is {@code colour}. */
    public static String name(Colour colour, long index) {
        return "s-" + letter(colour) + String.format("%07d", index);
    }

    /** Returns the colour a subject's name says, or {@link Colour#UNKNOWN} when it follows no convention. */
    public static Colour colourOf(String subject) {
        if (subject == null || subject.length() < 3 || !subject.startsWith("s-")) {
            return Colour.UNKNOWN;
        }
        return switch (subject.charAt(2)) {
            case 'G' -> Colour.GREEN;
            case 'Y' -> Colour.YELLOW;
            case 'O' -> Colour.ORANGE;
            case 'R' -> Colour.RED;
            default -> Colour.UNKNOWN;
        };
    }

    private static char letter(Colour colour) {
        return switch (colour) {
            case GREEN -> 'G';
            case YELLOW -> 'Y';
            case ORANGE -> 'O';
            case RED -> 'R';
            case UNKNOWN, GREY -> 'U'; // a store never says grey: like unknown, no colour of its own
        };
    }
}
