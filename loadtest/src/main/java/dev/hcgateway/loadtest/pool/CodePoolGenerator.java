package dev.hcgateway.loadtest.pool;

import dev.hcgateway.code.CryptoProvider;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a code pool and what a gateway needs to accept it: {@code codes.tsv}, {@code trust.json} (the
 * issuer's trust list) and {@code issuer.key} (PKCS#8, so later runs can mint fresh codes with the same key).
 *
 * <pre>
 * hc-loadtest pool --out DIR [--size 200000] [--mix "green=80,...;proxy=5,paper=10"] [--threads N]
 *                  [--issuer LOADTEST] [--key FILE] [--seed 1]
 * </pre>
 */
public final class CodePoolGenerator {

    /** The issuer id of generated pools unless told otherwise. */
    public static final String DEFAULT_ISSUER = "LOADTEST";

    private CodePoolGenerator() {
    }

    /** Runs the generator; prints what it wrote and its minting rate. */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path out = Path.of(o.getOrDefault("out", "target/pool"));
        int size = Integer.parseInt(o.getOrDefault("size", "200000"));
        int threads = Integer.parseInt(o.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        String issuer = o.getOrDefault("issuer", DEFAULT_ISSUER);
        PoolMix mix = PoolMix.parse(o.getOrDefault("mix", PoolMix.DEFAULT));
        IssuerKey key = o.containsKey("key") ? IssuerKey.read(Path.of(o.get("key")), issuer) : IssuerKey.generate(issuer);
        Files.createDirectories(out);
        CryptoProvider crypto = CryptoProvider.select(true);
        PoolGenerator generator = new PoolGenerator(new CodeMinter(key, crypto.nativeCode() ? crypto.provider() : null),
                mix, Clock.systemUTC(), Long.parseLong(o.getOrDefault("seed", "1")));
        generator.generate(Math.min(size, 2000), threads); // warm the JIT so the rate below is the steady one
        long start = System.nanoTime();
        CodePool pool = generator.generate(size, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Written together at the end, so an interrupted run never leaves codes and a trust list that disagree.
        pool.write(out.resolve("codes.tsv"));
        writeIssuer(key, out);
        System.out.printf("minted %d codes in %.2f s: %.0f codes/s on %d threads (%s); %s%n", size, seconds,
                size / seconds, threads, crypto.name(), pool.counts());
        System.out.println("wrote " + out.resolve("codes.tsv") + ", " + out.resolve("trust.json") + ", "
                + out.resolve("issuer.key"));
    }

    /** Writes {@code trust.json} and {@code issuer.key} of a key into a directory. */
    public static void writeIssuer(IssuerKey key, Path dir) throws IOException, GeneralSecurityException {
        Files.writeString(dir.resolve("trust.json"), key.trustList("load-test issuer " + key.issuer()).encodePrettily(),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("issuer.key"), key.privateKeyBase64() + "\n", StandardCharsets.US_ASCII);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --out DIR [--size N] [--mix MIX] [--threads N] "
                        + "[--issuer ID] [--key FILE] [--seed N]; bad argument " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
