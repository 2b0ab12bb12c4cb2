package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.config.RedisConfig;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Re-applies an export to a store that has its marker, through the admin API's scripts: each entry updates its set
 * or hash, raises the counter and reaches every gateway through the stream; the same entry twice is the same
 * state, so it is safe to repeat. Up to 256 scripts are in flight at once (one round trip each would take hours
 * for millions of entries).
 */
final class Reapply {

    private static final int WINDOW = 256;

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;
    private final String maxLength;
    private final Semaphore window = new Semaphore(WINDOW);
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private long codes;
    private long subjects;

    Reapply(StatefulRedisConnection<String, String> connection, RedisKeys keys, RedisConfig config) {
        this.redis = connection.async();
        this.keys = keys;
        this.maxLength = Integer.toString(config.streamMaxLength());
    }

    /** Reads the export and re-applies every entry; returns how many. */
    StoreAdmin.Counts from(InputStream in) throws IOException {
        RevocationLines.read(in, new RevocationLines.Entries() {
            @Override
            public void code(String idHex) throws IOException {
                send(RevocationWriter.REVOKE_CODE, keys.codes(), idHex, maxLength);
                codes++;
            }

            @Override
            public void subject(SubjectKey key, long issuedBefore) throws IOException {
                send(RevocationWriter.REVOKE_SUBJECT, keys.subjects(),
                        RevocationWriter.subjectArgs(key, issuedBefore, maxLength));
                subjects++;
            }
        });
        try {
            if (!window.tryAcquire(WINDOW, 60, TimeUnit.SECONDS)) {
                throw new IOException("Redis did not confirm the last writes within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        failed();
        return new StoreAdmin.Counts(codes, subjects);
    }

    private void send(String script, String table, String... args) throws IOException {
        failed();
        try {
            if (!window.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IOException("Redis did not confirm writes within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        CompletableFuture<String> written = redis.<String>eval(script, ScriptOutputType.VALUE,
                new String[]{table, keys.changes(), keys.marker(), keys.counter()}, args).toCompletableFuture();
        written.whenComplete((id, err) -> {
            if (err != null) {
                failures.add(err);
            }
            window.release();
        });
    }

    private void failed() throws IOException {
        Throwable failure = failures.peek();
        if (failure != null) {
            throw new IOException("a write was refused: " + failure.getMessage(), failure);
        }
    }
}
