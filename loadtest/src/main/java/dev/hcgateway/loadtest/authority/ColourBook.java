package dev.hcgateway.loadtest.authority;

import dev.hcgateway.model.Colour;
import dev.hcgateway.loadtest.pool.Subjects;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated store's colours: what it was told (by command), else what the subject's load-test name says
 * ({@link Subjects}). Identity documents are known only once registered; they are kept by keyed hash, as the
 * real store keeps them.
 */
public final class ColourBook {

    private final Map<String, Colour> overrides = new ConcurrentHashMap<>();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final byte[] documentKey;

    /** Creates a book; {@code documentKey} (may be null) hashes documents registered by number. */
    public ColourBook(String documentKey) {
        this.documentKey = documentKey == null ? null : documentKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the subject's current colour. */
    public Colour colourOf(String subject) {
        Colour c = overrides.get(subject);
        return c != null ? c : Subjects.colourOf(subject);
    }

    /** Sets the colour of subjects (an outbreak turns them red; recovery green). */
    public int set(Collection<String> subjects, Colour colour) {
        subjects.forEach(s -> overrides.put(s, colour));
        return subjects.size();
    }

    /** Forgets every colour set by command. */
    public void reset() {
        overrides.clear();
    }

    /** Returns the subject a document hash belongs to, or null. */
    public String subjectOfDocument(String hash) {
        return documents.get(hash);
    }

    /** Registers a document by its hash. */
    public void registerHash(String hash, String subject) {
        documents.put(hash, subject);
    }

    /** Registers a document by type and number, hashed as the authority API says. */
    public void register(String type, String number, String subject) {
        registerHash(hash(type, number), subject);
    }

    /** Returns {@code HMAC-SHA256(documentKey, type + ":" + number)} in lower-case hex. */
    public String hash(String type, String number) {
        if (documentKey == null) {
            throw new IllegalStateException("no document key configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(documentKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((type + ":" + number).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
