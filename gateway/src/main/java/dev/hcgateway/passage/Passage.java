package dev.hcgateway.passage;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The record of one judged scan at a gate (docs/passages.md). It never holds the code text, a document number
 * or the caller's address: only what the verify answer says, where, when, and the keyed document hash.
 *
 * @param id       unique per passage (UUIDv7); the store keeps each id once
 * @param at       answer time, epoch milliseconds
 * @param place    the gate's place id ({@link Places}), the gate id itself when no prefix matches
 * @param colour   wire colour, or null when none decided; {@code source} goes with it
 * @param issuer   issuer of the code when it decoded, else null; {@code subject}, {@code kind} with it
 * @param codeId   lower-case hex of the code's {@code cti}, or null
 * @param document lower-case hex keyed hash of an identity document, or null
 * @param offline  judged by a gate on its own ({@code POST /v1/passages/offline}), handed in later
 */
public record Passage(UUID id, long at, String gate, String place, String scene, String decision, String reason,
                      String colour, String source, boolean degraded, String issuer, String subject, String kind,
                      String codeId, String document, boolean offline) {

    private static final Set<String> DECISIONS = Set.of("pass", "deny", "manual");
    // Compiled once: the constructor runs on the scan path.
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,128}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    /** Longest text field; a gate id is at most 128 characters, issuers and subjects are short too. */
    static final int MAX_TEXT = 256;

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(reason, "reason");
        if (!DECISIONS.contains(decision)) {
            throw new IllegalArgumentException("decision must be pass, deny or manual");
        }
        if (at <= 0) {
            throw new IllegalArgumentException("at must be a positive epoch millisecond");
        }
        if ((colour == null) != (source == null)) {
            throw new IllegalArgumentException("colour and source go together");
        }
        if (issuer == null && (subject != null || kind != null || codeId != null)) {
            throw new IllegalArgumentException("subject, kind and codeId come from a decoded code: issuer too");
        }
        if (codeId != null && !HEX.matcher(codeId).matches()) {
            throw new IllegalArgumentException("codeId must be lower-case hex");
        }
        if (document != null && !HASH.matcher(document).matches()) {
            throw new IllegalArgumentException("document must be a 64-digit lower-case hex hash");
        }
        for (String text : new String[]{gate, place, scene, reason, colour, source, issuer, subject, kind}) {
            if (text != null && (text.isEmpty() || text.length() > MAX_TEXT)) {
                throw new IllegalArgumentException("text fields are 1.." + MAX_TEXT + " characters");
            }
        }
    }

    @Override
    public String toString() {
        return "Passage[" + id + ", " + place + ", " + decision + "]"; // no subject in logs
    }
}
