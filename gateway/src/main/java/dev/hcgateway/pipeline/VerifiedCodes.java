package dev.hcgateway.pipeline;

import dev.hcgateway.hcn1.VerifiedMemo;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.trust.TrustList;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * Remembers codes whose signature verified recently, keyed by the SHA-256 of their exact text, so that a re-read
 * skips decode and signature (passages spec, section 6). Only what the signature vouches for is kept: the decoded
 * claims, under the trust list that verified them (a reload forgets them); time, revocation, colour and policy are
 * judged again on every scan. Bounded in entries and age; thread-safe.
 *
 * <p>Every entry lives in primitive arrays allocated once (4-way sets, the oldest of a full set replaced), with no
 * object per code: a cache of objects cost each fresh scan its entry copied by several young collections and then
 * promoted, the main cost measured in docs/performance.md ("Fourth session"). A set is read and written under one
 * of {@link #STRIPES} locks, held for a copy of 160 bytes.
 */
public final class VerifiedCodes implements VerifiedMemo<VerifiedCodes.TextDigest> {

    /** A SHA-256 digest as four longs: equality is the digest's, and nobody can build two texts with one digest. */
    public record TextDigest(long a, long b, long c, long d) {
    }

    /** The trust list that entries numbered {@code number} were verified under. */
    private record Generation(TrustList list, int number) {
    }

    private static final int WAYS = 4;
    private static final int STRIPES = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final int sets;
    private final long ttlMillis;
    private final Clock clock;
    private final long[] keys;        // the digest of slot i at 4i..4i+3
    private final long[] written;     // when slot i was written, epoch ms
    private final int[] generations;  // the Generation number of slot i; 0: empty
    private final byte[] claims;      // PackedClaims.SIZE bytes per slot
    private final Object[] stripes = new Object[STRIPES];
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(VerifiedCodes::newSha256);
    private volatile Generation generation = new Generation(null, 0);
    private final Counter hits;
    private final Counter misses;

    private VerifiedCodes() {
        sets = 0;
        ttlMillis = 0;
        clock = null;
        keys = written = null;
        generations = null;
        claims = null;
        hits = misses = null;
    }

    /**
     * Creates a cache of at most {@code maxEntries} codes (at least 4), each kept {@code ttlSeconds} after its
     * verification. Its memory, ~210 bytes per entry, is taken now.
     */
    public VerifiedCodes(long maxEntries, long ttlSeconds, Clock clock, MeterRegistry registry) {
        this.sets = (int) Math.max(1, Math.min(Integer.MAX_VALUE / PackedClaims.SIZE, maxEntries) / WAYS);
        this.ttlMillis = ttlSeconds * 1000;
        this.clock = clock; // the injected clock, so tests move time instead of sleeping
        int slots = sets * WAYS;
        keys = new long[slots * 4];
        written = new long[slots];
        generations = new int[slots];
        claims = new byte[slots * PackedClaims.SIZE];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        // Registered once here: nothing on the scan path looks a meter up by its tags.
        hits = Counter.builder("hc_verified_code_cache_lookups_total").tag("result", "hit")
                .description("Look-ups of the verified-code cache (hit ratio = hit / all)").register(registry);
        misses = Counter.builder("hc_verified_code_cache_lookups_total").tag("result", "miss")
                .description("Look-ups of the verified-code cache (hit ratio = hit / all)").register(registry);
        Gauge.builder("hc_verified_code_cache_entries", this, VerifiedCodes::entries)
                .description("Codes in the verified-code cache").register(registry);
    }

    /** Returns a cache that holds nothing (every scan verifies afresh). */
    public static VerifiedCodes off() {
        return new VerifiedCodes();
    }

    /** Returns the key of a text, or null when the cache is off (no digest is computed then). */
    @Override
    public TextDigest key(String text) {
        if (sets == 0) {
            return null;
        }
        byte[] h = sha256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return new TextDigest((long) LONGS.get(h, 0), (long) LONGS.get(h, 8), (long) LONGS.get(h, 16),
                (long) LONGS.get(h, 24));
    }

    /** Returns the claims an earlier verification of this exact text under {@code current} established, or null. */
    @Override
    public HealthCode find(TextDigest digest, TrustList current) {
        if (digest == null) {
            return null;
        }
        int number = generationOf(current).number();
        long now = clock.millis();
        int set = set(digest);
        HealthCode found = null;
        synchronized (stripes[set % STRIPES]) {
            for (int slot = set * WAYS; slot < (set + 1) * WAYS; slot++) {
                if (generations[slot] == number && now - written[slot] < ttlMillis && holds(slot, digest)) {
                    found = PackedClaims.unpack(claims, slot * PackedClaims.SIZE);
                    break;
                }
            }
        }
        (found == null ? misses : hits).increment();
        return found;
    }

    /** Remembers that this text's signature verified under a key of {@code list}, the current one. */
    @Override
    public void remember(TextDigest digest, HealthCode code, TrustList list) {
        Generation g = generation;
        if (digest == null || g.list() != list) {
            return; // a list replaced meanwhile: entries under it would never be found
        }
        byte[] packed = PackedClaims.pack(code);
        if (packed == null) {
            return;
        }
        long now = clock.millis();
        int set = set(digest);
        synchronized (stripes[set % STRIPES]) {
            int slot = victim(set, digest, g.number(), now);
            keys[slot * 4] = digest.a();
            keys[slot * 4 + 1] = digest.b();
            keys[slot * 4 + 2] = digest.c();
            keys[slot * 4 + 3] = digest.d();
            written[slot] = now;
            generations[slot] = g.number();
            System.arraycopy(packed, 0, claims, slot * PackedClaims.SIZE, PackedClaims.SIZE);
        }
    }

    /** Returns the slot of the set to write: the text's own, else a free or stale one, else the oldest. */
    private int victim(int set, TextDigest digest, int number, long now) {
        int oldest = set * WAYS;
        for (int slot = set * WAYS; slot < (set + 1) * WAYS; slot++) {
            if (holds(slot, digest) || generations[slot] != number || now - written[slot] >= ttlMillis) {
                return slot;
            }
            if (written[slot] < written[oldest]) {
                oldest = slot;
            }
        }
        return oldest;
    }

    private boolean holds(int slot, TextDigest digest) {
        int k = slot * 4;
        return keys[k] == digest.a() && keys[k + 1] == digest.b() && keys[k + 2] == digest.c()
                && keys[k + 3] == digest.d();
    }

    private int set(TextDigest digest) {
        return (int) Long.remainderUnsigned(digest.a(), sets);
    }

    /** Returns the generation of {@code current}, numbering it anew when the trust list changed (rare). */
    private Generation generationOf(TrustList current) {
        Generation g = generation;
        if (g.list() != current) {
            synchronized (this) {
                g = generation;
                if (g.list() != current) {
                    g = new Generation(current, g.number() + 1);
                    generation = g;
                }
            }
        }
        return g;
    }

    /** Counts the live entries (for the gauge; unlocked reads, so an estimate while scans run). */
    private double entries() {
        int number = generation.number();
        long now = clock.millis();
        long n = 0;
        for (int slot = 0; slot < generations.length; slot++) {
            if (generations[slot] == number && now - written[slot] < ttlMillis) {
                n++;
            }
        }
        return n;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
