package dev.hcgateway.loadtest.pool;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.issuer.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes a code pool and what a gateway needs to accept it: {@code codes.tsv}, {@code trust.json} (the
 * issuer's trust list) and {@code issuer.key} (PKCS#8, so later runs can mint fresh codes with the same key).
 * The {@code pool} command of {@code hc-loadtest}.
 */
@Command(name = "pool", mixinStandardHelpOptions = true, version = "hc-loadtest pool",
        description = {"Mint a code pool: DIR/codes.tsv, DIR/trust.json (the issuer's trust list), DIR/issuer.key.",
            "Prints the minting rate. A gateway accepts the pool with HC_TRUST_FILE=DIR/trust.json."})
public final class CodePoolGenerator implements Callable<Integer> {

    /** The issuer id of generated pools unless told otherwise. */
    public static final String DEFAULT_ISSUER = "LOADTEST";

    @Spec
    private CommandSpec spec;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/pool", description = "default: ${DEFAULT-VALUE}")
    private Path out;
    @Option(names = "--size", paramLabel = "N", defaultValue = "200000", description = "codes (default: ${DEFAULT-VALUE})")
    private int size;
    @Option(names = "--mix", paramLabel = "MIX", defaultValue = PoolMix.DEFAULT,
            description = "categories and kinds in percent (default: ${DEFAULT-VALUE})")
    private String mix;
    @Option(names = "--threads", paramLabel = "N", description = "minting threads (default: the cores)")
    private Integer threads;
    @Option(names = "--issuer", paramLabel = "ID", defaultValue = DEFAULT_ISSUER, description = "default: ${DEFAULT-VALUE}")
    private String issuer;
    @Option(names = "--key", paramLabel = "FILE", description = "the issuer's private key (default: a fresh one)")
    private Path key;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "subjects and mix (default: ${DEFAULT-VALUE})")
    private long seed;

    /** Runs {@code hc-loadtest pool ARGS}. */
    public static void main(String[] args) {
        dev.hcgateway.loadtest.LoadtestCli.main(prepend("pool", args));
    }

    @Override
    public Integer call() throws Exception {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (size < 1 || threadCount < 1) {
            throw new ParameterException(spec.commandLine(), "--size and --threads must be at least 1");
        }
        PoolMix poolMix;
        try {
            poolMix = PoolMix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--mix: " + e.getMessage());
        }
        IssuerKey issuerKey = key != null ? IssuerKey.read(key, issuer) : IssuerKey.generate(issuer);
        Files.createDirectories(out);
        CryptoProvider crypto = CryptoProvider.select(true);
        PoolGenerator generator = new PoolGenerator(new CodeMinter(issuerKey, crypto.nativeCode() ? crypto.provider() : null),
                poolMix, Clock.systemUTC(), seed);
        generator.generate(Math.min(size, 2000), threadCount); // warm the JIT so the rate below is the steady one
        long start = System.nanoTime();
        CodePool pool = generator.generate(size, threadCount);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Written together at the end, so an interrupted run never leaves codes and a trust list that disagree.
        pool.write(out.resolve("codes.tsv"));
        writeIssuer(issuerKey, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("minted %d codes in %.2f s: %.0f codes/s on %d threads (%s); %s%n", size, seconds,
                size / seconds, threadCount, crypto.name(), pool.counts());
        o.println("wrote " + out.resolve("codes.tsv") + ", " + out.resolve("trust.json") + ", " + out.resolve("issuer.key"));
        return 0;
    }

    /** Writes {@code trust.json} and {@code issuer.key} of a key into a directory. */
    public static void writeIssuer(IssuerKey key, Path dir) throws IOException, GeneralSecurityException {
        Files.writeString(dir.resolve("trust.json"), key.trustList("load-test issuer " + key.issuer()).encodePrettily(),
                StandardCharsets.UTF_8);
        KeyFiles.replacePrivate(key, dir.resolve("issuer.key"));
    }

    /** Returns {@code first} followed by {@code rest}. */
    public static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
