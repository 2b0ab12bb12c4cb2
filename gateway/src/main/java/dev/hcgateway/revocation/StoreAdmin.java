package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.changes.StreamInfo;
import dev.hcgateway.config.RedisConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Operator work on the revocation store in Redis ({@code java -jar gateway.jar store ...}): start a generation,
 * clear a rollback finding, export the set, re-seed it from an export (a file, or a surviving gateway's mirror),
 * and move subjects written before they were scoped by issuer. A command-line process: plain blocking calls on one
 * connection of its own. Every write goes through the gateway's own scripts, or (re-seeding a flushed store) lays
 * the data down first and the marker last, so that no gateway ever loads half of it.
 */
public final class StoreAdmin implements AutoCloseable {

    /** Entries handled. */
    public record Counts(long codes, long subjects) {
    }

    private final RedisConfig config;
    private final RedisKeys keys;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;

    /** Connects to {@code config}'s Redis (10 s to answer). */
    public StoreAdmin(RedisConfig config) {
        if (config.uri() == null) {
            throw new IllegalArgumentException("no Redis: set HC_REDIS_URI (redis.uri) or --redis");
        }
        this.config = config;
        this.keys = RedisKeys.under(config.keyPrefix());
        RedisURI uri = RedisURI.create(config.uri());
        uri.setTimeout(Duration.ofSeconds(10));
        this.client = RedisClient.create(uri);
        this.connection = client.connect();
        this.redis = connection.sync();
    }

    /** Creates the marker with a random generation unless there is one; returns what it did. */
    public String init() {
        String created = redis.set(keys.marker(), newGeneration(), SetArgs.Builder.nx());
        return ("OK".equals(created) ? "created generation " : "already initialised, generation ")
                + redis.get(keys.marker());
    }

    /** Deletes the rollback finding; returns whether there was one. */
    public boolean clearLost() {
        return redis.del(keys.lost()) == 1;
    }

    /**
     * Writes every revocation Redis holds, after a header naming its generation, counter and stream position (read
     * before the scan: entries written meanwhile may be in the file too, which is harmless).
     *
     * @throws IllegalStateException when the marker is missing: a flushed or uninitialised store exports nothing
     *                               worth keeping, and an empty backup must never pass for one
     */
    public Counts export(OutputStream out) throws IOException {
        String generation = redis.get(keys.marker());
        if (generation == null) {
            throw new IllegalStateException("Redis key " + keys.marker() + " is missing: the store under prefix "
                    + config.keyPrefix() + " is flushed or was never initialised; nothing exported (check"
                    + " HC_REDIS_URI and HC_REDIS_KEY_PREFIX)");
        }
        String stream = await(StreamInfo.read(connection.async(), keys.changes())).lastGenerated().toString();
        long counter = number(redis.get(keys.counter()));
        long codes = 0;
        long subjects = 0;
        RevocationLines.Header header = new RevocationLines.Header(generation, counter, stream,
                Clock.systemUTC().millis(), MirrorFile.identity(config.uri(), config.keyPrefix()), null,
                redis.scard(keys.codes()), redis.hlen(keys.subjects()) + redis.hlen(keys.legacySubjects()));
        try (RevocationLines.Writer w = new RevocationLines.Writer(out, header)) {
            ScanIterator<String> members = ScanIterator.sscan(redis, keys.codes(), ScanArgs.Builder.limit(10_000));
            while (members.hasNext()) {
                String hex = members.next();
                if (Fingerprints.ofCodeIdHex(hex) != 0) {
                    w.code(hex.toLowerCase(java.util.Locale.ROOT));
                    codes++;
                }
            }
            var legacy = ScanIterator.hscan(redis, keys.legacySubjects(), ScanArgs.Builder.limit(10_000));
            while (legacy.hasNext()) {
                var pair = legacy.next();
                long before = number(pair.getValue());
                if (SubjectKey.validSubject(pair.getKey()) && before >= 0) {
                    w.subject(SubjectKey.everyIssuer(pair.getKey()), before);
                    subjects++;
                }
            }
            var scoped = ScanIterator.hscan(redis, keys.subjects(), ScanArgs.Builder.limit(10_000));
            while (scoped.hasNext()) {
                var pair = scoped.next();
                SubjectKey key = SubjectKey.ofField(pair.getKey());
                long before = number(pair.getValue());
                if (key != null && before >= 0) {
                    w.subject(key, before);
                    subjects++;
                }
            }
        }
        return new Counts(codes, subjects);
    }

    /**
     * Re-seeds Redis from an export. With the marker present, every entry goes through the admin scripts (each
     * reaches every gateway through the stream; safe to repeat). Without it (a flushed store), the data is laid down
     * first, then the counter (never below the export's), a stream position past every gateway's, and the marker
     * last, with the export's generation: gateways that held it see it come back and reload, gateways waiting for a
     * marker load it whole.
     *
     * @throws IllegalStateException without the marker, when the export names no generation (an old export: run
     *                               {@code store init} first), or when a marker appeared meanwhile
     */
    public Counts restore(InputStream in) throws IOException {
        return redis.exists(keys.marker()) == 1 ? new Reapply(connection, keys, config).from(in)
                : new Reseed(redis, keys).from(in);
    }

    /**
     * Moves subjects written before they were scoped by issuer (the hash {@code revocations:subjects}) into the
     * scoped hash as every issuer's, keeping the later instant; returns how many moved. Safe to repeat and to run
     * while gateways load (they scan the old hash first).
     */
    public long migrate() {
        long moved = 0;
        for (int pass = 0; pass < 10 && redis.hlen(keys.legacySubjects()) > 0; pass++) {
            var fields = ScanIterator.hscan(redis, keys.legacySubjects(), ScanArgs.Builder.limit(1000));
            java.util.List<String> batch = new java.util.ArrayList<>(1000);
            while (fields.hasNext()) {
                batch.add(fields.next().getKey());
                if (batch.size() == 1000 || !fields.hasNext()) {
                    moved += redis.<Long>eval(StoreScripts.MIGRATE_SUBJECTS, ScriptOutputType.INTEGER,
                            new String[]{keys.legacySubjects(), keys.subjects()}, batch.toArray(String[]::new));
                    batch.clear();
                }
            }
        }
        return moved;
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws IOException {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Redis did not answer: " + e.getMessage(), e);
        }
    }

    static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String newGeneration() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
