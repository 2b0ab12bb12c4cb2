package dev.hcgateway.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.trust.TrustList;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;

/**
 * Remembers codes whose signature verified recently, keyed by the SHA-256 of their exact text, so that a re-read
 * skips decode and signature (passages spec, section 6). Only what the signature vouches for is kept: the decoded
 * code and the key that verified it; time, revocation, colour and policy are judged again on every scan.
 * Bounded in entries and age; thread-safe.
 */
public final class VerifiedCodes {

    /** A SHA-256 digest as four longs: equality is the digest's, and nobody can build two texts with one digest. */
    record TextDigest(long a, long b, long c, long d) {
    }

    /** What a verified signature established: the code's claims, under this trust list (a reload forgets it). */
    record Verified(HealthCode code, TrustList list) {
    }

    private final Cache<TextDigest, Verified> cache;
    private final Counter hits;
    private final Counter misses;

    private VerifiedCodes() {
        cache = null;
        hits = null;
        misses = null;
    }

    /** Creates a cache of at most {@code maxEntries} codes, each kept {@code ttlSeconds} after its verification. */
    public VerifiedCodes(long maxEntries, long ttlSeconds, Clock clock, MeterRegistry registry) {
        // Caffeine's ticker follows the injected clock, so tests move time instead of sleeping.
        // Maintenance on the calling thread: a write per fresh scan must not wake a pool thread (a futex per
        // scan, measured: docs/performance.md, "Third session").
        cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(Duration.ofSeconds(ttlSeconds))
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
        // Registered once here: nothing on the scan path looks a meter up by its tags.
        hits = Counter.builder("hc_verified_code_cache_lookups_total").tag("result", "hit")
                .description("Look-ups of the verified-code cache (hit ratio = hit / all)").register(registry);
        misses = Counter.builder("hc_verified_code_cache_lookups_total").tag("result", "miss")
                .description("Look-ups of the verified-code cache (hit ratio = hit / all)").register(registry);
        Gauge.builder("hc_verified_code_cache_entries", cache, Cache::estimatedSize)
                .description("Codes in the verified-code cache").register(registry);
    }

    /** Returns a cache that holds nothing (every scan verifies afresh). */
    public static VerifiedCodes off() {
        return new VerifiedCodes();
    }

    /** Returns the key of a text, or null when the cache is off (no digest is computed then). */
    TextDigest digest(String text) {
        if (cache == null) {
            return null;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.wrap(h);
            return new TextDigest(b.getLong(), b.getLong(), b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Returns what an earlier verification of this exact text established, or null. */
    Verified find(TextDigest digest) {
        if (digest == null) {
            return null;
        }
        Verified found = cache.getIfPresent(digest);
        (found == null ? misses : hits).increment();
        return found;
    }

    /** Remembers that this text's signature verified under a key of {@code list}. */
    void remember(TextDigest digest, HealthCode code, TrustList list) {
        if (digest != null) {
            cache.put(digest, new Verified(code, list));
        }
    }
}
