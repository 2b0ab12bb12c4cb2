package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.changes.StreamId;
import dev.hcgateway.changes.StreamInfo;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamScanCursor;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Loads the whole revocation set from Redis into the mirror: notes the change stream's newest id FIRST, then
 * scans the set and the hash in large batches (SSCAN/HSCAN).
 * Whatever is written during the scan is in the stream after the noted id, so the follower reads it next;
 * applying an entry twice is harmless. The mirror keeps serving throughout and is merged into, never replaced.
 */
final class SnapshotLoader {

    /** What a load found: the stream position to follow from, and counts. */
    record Loaded(StreamId from, long codes, long subjects, long unusable) {
    }

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;
    private final ScanArgs batch;
    private final int batchSize;

    SnapshotLoader(RedisAsyncCommands<String, String> redis, RedisKeys keys, int batchSize) {
        this.redis = redis;
        this.keys = keys;
        this.batchSize = batchSize;
        this.batch = ScanArgs.Builder.limit(batchSize);
    }

    /**
     * Loads into {@code mirror}; code batches are added on {@code inserter} while Redis scans the next one. The
     * hash of legacy (unscoped) subjects is scanned before the issuer-scoped one: {@code store migrate} moves
     * fields from the first to the second, so a field moved during the load is still met in one of them.
     */
    CompletionStage<Loaded> load(Mirror mirror, Executor inserter) {
        LongAdder codes = new LongAdder();
        LongAdder subjects = new LongAdder();
        LongAdder unusable = new LongAdder();
        return StreamInfo.read(redis, keys.changes()).thenCompose(info -> redis.scard(keys.codes())
                .thenCombine(redis.hlen(keys.subjects()), (c, s) -> {
                    mirror.reserve(c, s);
                    return info;
                })
                .thenCompose(i -> scanCodes(mirror, inserter, codes, unusable))
                .thenCompose(v -> scan(cursor -> redis.hscan((subject, before) -> {
                    subjects.increment();
                    if (!addSubject(mirror, SubjectKey.validSubject(subject) ? SubjectKey.everyIssuer(subject)
                            : null, before)) {
                        unusable.increment();
                    }
                }, keys.legacySubjects(), cursor, batch)))
                .thenCompose(v -> scan(cursor -> redis.hscan((field, before) -> {
                    subjects.increment();
                    if (!addSubject(mirror, SubjectKey.ofField(field), before)) {
                        unusable.increment();
                    }
                }, keys.subjects(), cursor, batch)))
                .thenApply(v -> new Loaded(info.lastGenerated(), codes.sum(), subjects.sum(), unusable.sum())));
    }

    /**
     * Scans the code set: each reply is decoded into fingerprints on the I/O thread; the next SSCAN goes out at
     * once and the batch is added to the mirror on {@code inserter} meanwhile (in order, one thread).
     */
    private CompletionStage<Void> scanCodes(Mirror mirror, Executor inserter, LongAdder codes, LongAdder unusable) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        nextCodes("0", mirror, inserter, codes, unusable, done);
        return done;
    }

    private void nextCodes(String cursor, Mirror mirror, Executor inserter, LongAdder codes, LongAdder unusable,
                           CompletableFuture<Void> done) {
        CodeIdScanOutput out = new CodeIdScanOutput(batchSize);
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey(keys.codes()).add(cursor)
                .add("COUNT").add(batchSize);
        redis.dispatch(CommandType.SSCAN, out, args).whenComplete((next, err) -> {
            if (err != null || next == null) {
                done.completeExceptionally(err != null ? err : new IllegalStateException("SSCAN without a cursor"));
                return;
            }
            boolean last = "0".equals(next);
            if (!last) {
                nextCodes(next, mirror, inserter, codes, unusable, done);
            }
            try {
                inserter.execute(() -> {
                    mirror.addCodes(out.fingerprints(), out.ids(), out.lengths(), out.count());
                    codes.add(out.count() + out.unusable());
                    unusable.add(out.unusable());
                    if (last) {
                        done.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
    }

    private static boolean addSubject(Mirror mirror, SubjectKey key, String before) {
        if (key == null || before == null) {
            return false;
        }
        try {
            long instant = Long.parseLong(before.trim());
            if (instant < 0) {
                return false;
            }
            mirror.addSubject(key, instant);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Runs a cursor scan to its end, one batch after the other; no future chain grows with the batch count. */
    private static CompletionStage<Void> scan(Function<ScanCursor, CompletionStage<StreamScanCursor>> step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        next(step, ScanCursor.INITIAL, done);
        return done;
    }

    private static void next(Function<ScanCursor, CompletionStage<StreamScanCursor>> step, ScanCursor cursor,
                             CompletableFuture<Void> done) {
        step.apply(cursor).whenComplete((c, err) -> {
            if (err != null) {
                done.completeExceptionally(err);
            } else if (c.isFinished()) {
                done.complete(null);
            } else {
                next(step, c, done);
            }
        });
    }
}
