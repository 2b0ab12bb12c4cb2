package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-seeds a store whose marker is missing from an export, in batches of a thousand, without stream entries (no
 * gateway follows a store without a marker); then {@link StoreScripts#RESEED_FINISH} sets counter, stream and,
 * last, the export's generation. Every batch refuses to run once a marker exists: data must not reach a live
 * generation behind the gateways' backs.
 */
final class Reseed {

    private static final int BATCH = 1000;

    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;
    private final List<String> codes = new ArrayList<>(BATCH);
    private final List<String> subjects = new ArrayList<>(2 * BATCH);
    private long codeCount;
    private long subjectCount;

    Reseed(RedisCommands<String, String> redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Reads the export and re-seeds; returns what it laid down. */
    StoreAdmin.Counts from(InputStream in) throws IOException {
        RevocationLines.Header header = RevocationLines.read(in, new RevocationLines.Entries() {
            @Override
            public void header(RevocationLines.Header h) throws IOException {
                if (h.generation() == null) {
                    throw new IOException("the export names no generation");
                }
            }

            @Override
            public void code(String idHex) {
                codes.add(idHex);
                if (codes.size() == BATCH) {
                    flushCodes();
                }
            }

            @Override
            public void subject(SubjectKey key, long issuedBefore) {
                subjects.add(key.field());
                subjects.add(Long.toString(issuedBefore));
                if (subjects.size() == 2 * BATCH) {
                    flushSubjects();
                }
            }
        });
        if (header.generation() == null) {
            throw new IllegalStateException("Redis key " + keys.marker() + " is missing and the export names no"
                    + " generation (an export of an older version): run store init first, then import it again");
        }
        flushCodes();
        flushSubjects();
        redis.eval(StoreScripts.RESEED_FINISH, ScriptOutputType.VALUE,
                new String[]{keys.marker(), keys.counter(), keys.changes()}, header.generation(),
                Long.toString(header.counter()));
        return new StoreAdmin.Counts(codeCount, subjectCount);
    }

    private void flushCodes() {
        if (!codes.isEmpty()) {
            redis.eval(StoreScripts.RESEED_CODES, ScriptOutputType.INTEGER, new String[]{keys.codes(), keys.marker()},
                    codes.toArray(String[]::new));
            codeCount += codes.size();
            codes.clear();
        }
    }

    private void flushSubjects() {
        if (!subjects.isEmpty()) {
            redis.eval(StoreScripts.RESEED_SUBJECTS, ScriptOutputType.INTEGER,
                    new String[]{keys.subjects(), keys.marker()}, subjects.toArray(String[]::new));
            subjectCount += subjects.size() / 2;
            subjects.clear();
        }
    }
}
