package dev.hcgateway.loadtest.pool;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Mints pools of codes for one test issuer, in parallel. Each index draws its category and kind from the mix
 * with its own seeded random, so a pool's make-up (not its signatures, which are randomised) is reproducible.
 * Valid codes are issued now; paper codes were printed half an hour ago and last 30 days.
 */
public final class PoolGenerator {

    /** How long a personal or proxy code lives. */
    public static final long CODE_TTL_SECONDS = 86_400;
    /** How long ago paper codes were printed (their colour snapshot is that old). */
    public static final long PAPER_AGE_SECONDS = 1_800;
    private static final long PAPER_TTL_SECONDS = 14 * 86_400L; // the field's (and codes.maxValidityDays') bound
    private static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private final CodeMinter minter;
    private final PoolMix mix;
    private final Clock clock;
    private final long seed;

    /** Creates a generator minting with {@code minter} (whose key's issuer names every code) in this mix. */
    public PoolGenerator(CodeMinter minter, PoolMix mix, Clock clock, long seed) {
        this.minter = minter;
        this.mix = mix;
        this.clock = clock;
        this.seed = seed;
    }

    /** Mints {@code size} codes on {@code threads} threads, issued at the clock's now. */
    public CodePool generate(int size, int threads) {
        long now = clock.instant().getEpochSecond();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            PoolEntry[] entries = pool.submit(() -> IntStream.range(0, size).parallel()
                    .mapToObj(i -> mint(i, now)).toArray(PoolEntry[]::new)).get();
            return new CodePool(minter.key().issuer(), now, new ArrayList<>(Arrays.asList(entries)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while minting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("minting failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Mints the code of pool index {@code index} as of {@code now}; used by bulk and by live minting. */
    public PoolEntry mint(long index, long now) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        Category category = mix.categoryAt(random.nextDouble());
        double k = random.nextDouble();
        CodeKind kind = k < mix.paperShare() ? CodeKind.PAPER
                : k < mix.paperShare() + mix.proxyShare() ? CodeKind.PROXY : CodeKind.PERSONAL;
        String subject = Subjects.name(category.colour(), index);
        byte[] cti = new byte[12];
        random.nextBytes(cti);
        CodeClaims claims = claims(category, kind, subject, cti, now);
        String code = switch (category) {
            case GREEN, YELLOW, RED, EXPIRED -> minter.mint(claims);
            case FORGED -> forged(claims, random);
            case GARBAGE -> garbage(random);
        };
        return new PoolEntry(category, kind, subject, code);
    }

    private CodeClaims claims(Category category, CodeKind kind, String subject, byte[] cti, long now) {
        String issuer = minter.key().issuer();
        String relation = kind == CodeKind.PROXY ? "parent" : null;
        if (category == Category.EXPIRED) {
            return new CodeClaims(issuer, subject, now - 2 * 86_400, now - 86_400, cti, category.colour(),
                    now - 2 * 86_400, kind, relation, null);
        }
        if (kind == CodeKind.PAPER) {
            long printed = now - PAPER_AGE_SECONDS;
            return new CodeClaims(issuer, subject, printed, printed + PAPER_TTL_SECONDS, cti, category.colour(),
                    printed, kind, null, null);
        }
        return new CodeClaims(issuer, subject, now, now + CODE_TTL_SECONDS, cti, category.colour(), now, kind,
                relation, null);
    }

    /** Signs the claims, then breaks one bit of the signature: only a verify can tell. */
    private String forged(CodeClaims claims, SplittableRandom random) {
        byte[] header = minter.protectedHeader(-7, minter.key().kid());
        byte[] payload = minter.payload(claims);
        byte[] signature = minter.sign(header, payload);
        signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
        return CodeMinter.text(minter.sign1(header, payload, signature, false), true);
    }

    /** Returns something a scanner may read that is not a health code: noise, foreign formats, truncations. */
    private String garbage(SplittableRandom random) {
        int length = 40 + random.nextInt(260);
        StringBuilder noise = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            noise.append(BASE45.charAt(random.nextInt(BASE45.length())));
        }
        return switch (random.nextInt(4)) {
            case 0 -> "HCN1:" + noise;
            case 1 -> "HC1:" + noise;
            case 2 -> "TICKET-" + noise.toString().replace(' ', '0');
            default -> {
                String valid = minter.mint(CodeClaims.typical(minter.key().issuer(), "s-X", dev.hcgateway.model.Colour.GREEN,
                        clock.instant().getEpochSecond(), CODE_TTL_SECONDS, new java.util.Random(random.nextLong())));
                yield valid.substring(0, 5 + random.nextInt(valid.length() - 6));
            }
        };
    }

    /** Returns the subjects of these entries, once each, in pool order. */
    public static List<String> subjects(List<PoolEntry> entries) {
        return entries.stream().map(PoolEntry::subject).distinct().toList();
    }
}
