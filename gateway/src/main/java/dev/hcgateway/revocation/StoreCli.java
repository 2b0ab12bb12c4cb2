package dev.hcgateway.revocation;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Operator commands on the revocation store in Redis ({@code java -jar gateway.jar store ...}): initialise the
 * marker (the only way a new generation starts), clear a rollback finding, export the set and hash to a file,
 * and import such a file through the gateway's own scripts (idempotent; refused without the marker). A CLI
 * process, so plain blocking Redis calls.
 */
public final class StoreCli {

    static final String USAGE = """
            usage: java -jar gateway.jar store <command> --redis URI [--prefix hc:]
              init                   create the marker (SET NX); prints its generation
              clear-lost             delete the rollback finding once the data is restored
              export --out FILE      write every revocation as JSON lines
              import --in FILE       re-apply an export (safe to repeat)
            environment: HC_REDIS_URI stands in for --redis""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    /** Creates the CLI writing to these streams. */
    public StoreCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Runs {@code store <command> ...}; returns the exit code (0 ok, 2 usage, 1 failure). */
    public int run(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String uri = o.getOrDefault("redis", env.get("HC_REDIS_URI"));
        if (args.length < 2 || uri == null || uri.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        RedisKeys keys = RedisKeys.under(o.getOrDefault("prefix", "hc:"));
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(Duration.ofSeconds(10));
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            switch (args[1]) {
                case "init" -> init(redis, keys);
                case "clear-lost" -> out.println(redis.del(keys.lost()) == 1 ? "cleared" : "nothing to clear");
                case "export" -> export(redis, keys, Path.of(need(o, "out")));
                case "import" -> importFile(redis, keys, Path.of(need(o, "in")));
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (Exception e) {
            err.println("store " + args[1] + " failed: " + e.getMessage());
            return 1;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private void init(RedisCommands<String, String> redis, RedisKeys keys) {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        String created = redis.set(keys.marker(), HexFormat.of().formatHex(bytes), SetArgs.Builder.nx());
        out.println(("OK".equals(created) ? "created generation " : "already initialised, generation ")
                + redis.get(keys.marker()));
    }

    private void export(RedisCommands<String, String> redis, RedisKeys keys, Path file) throws Exception {
        long codes = 0;
        long subjects = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ScanIterator<String> members = ScanIterator.sscan(redis, keys.codes(), ScanArgs.Builder.limit(10_000));
            while (members.hasNext()) {
                w.write(new JsonObject().put("codeId", members.next()).encode());
                w.newLine();
                codes++;
            }
            var legacy = ScanIterator.hscan(redis, keys.legacySubjects(), ScanArgs.Builder.limit(10_000));
            while (legacy.hasNext()) {
                var pair = legacy.next();
                w.write(new JsonObject().put("subject", pair.getKey()).put("issuedBefore", pair.getValue()).encode());
                w.newLine();
                subjects++;
            }
            var pairs = ScanIterator.hscan(redis, keys.subjects(), ScanArgs.Builder.limit(10_000));
            while (pairs.hasNext()) {
                var pair = pairs.next();
                SubjectKey key = SubjectKey.ofField(pair.getKey());
                if (key != null) {
                    w.write(new JsonObject().put("issuer", key.issuerOrNull()).put("subject", key.subject())
                            .put("issuedBefore", pair.getValue()).encode());
                    w.newLine();
                    subjects++;
                }
            }
        }
        out.println("exported " + codes + " code ids and " + subjects + " subjects");
    }

    private void importFile(RedisCommands<String, String> redis, RedisKeys keys, Path file) throws Exception {
        long applied = 0;
        String maxLength = "100000";
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject entry = new JsonObject(line);
                if (entry.containsKey("codeId")) {
                    redis.eval(RevocationWriter.REVOKE_CODE, ScriptOutputType.VALUE, new String[]{keys.codes(),
                            keys.changes(), keys.marker(), keys.counter()}, entry.getString("codeId"), maxLength);
                } else {
                    redis.eval(RevocationWriter.REVOKE_SUBJECT, ScriptOutputType.VALUE, new String[]{keys.subjects(),
                            keys.changes(), keys.marker(), keys.counter()}, RevocationWriter.subjectArgs(
                            SubjectKey.of(entry.getString("issuer"), entry.getString("subject")),
                            Long.parseLong(String.valueOf(entry.getValue("issuedBefore"))), maxLength));
                }
                applied++;
            }
        }
        out.println("imported " + applied + " revocations");
    }

    private static String need(Map<String, String> o, String key) {
        String value = o.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }
}
