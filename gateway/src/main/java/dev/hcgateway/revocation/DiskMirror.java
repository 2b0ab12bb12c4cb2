package dev.hcgateway.revocation;

import dev.hcgateway.changes.StreamFollower;
import dev.hcgateway.state.StateDir;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation store's side of the mirror on disk ({@link MirrorFile}): reads it once, before the first attempt
 * to reach Redis; tells where the mirror stands (the disk's position until the follower runs, then the follower's);
 * writes it on the state writer's thread, and exports it for a restore with the same position.
 */
final class DiskMirror {

    private static final Logger LOG = LoggerFactory.getLogger(DiskMirror.class);

    private final StateDir dir;
    private final MirrorFile file;
    private final String store;
    private final Mirror mirror;
    private final MirrorHealth health;
    private final Clock clock;
    private volatile MirrorFile.Position read;
    private volatile boolean readDone;
    private volatile MirrorFollowing following;
    private volatile StreamFollower follower;

    DiskMirror(StateDir dir, String uri, String keyPrefix, Mirror mirror, MirrorHealth health, Clock clock) {
        this.dir = dir;
        this.file = new MirrorFile(dir, uri, keyPrefix);
        this.store = MirrorFile.identity(uri, keyPrefix);
        this.mirror = mirror;
        this.health = health;
        this.clock = clock;
    }

    /** Reads the mirror on disk into the mirror, once, on {@code executor}; later calls complete at once. */
    CompletionStage<Void> readOnce(Executor executor) {
        if (readDone || !dir.keeps()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            if (!readDone) {
                readDone = true;
                read = file.load(mirror);
                if (read != null) {
                    health.loadedFromDisk(read.confirmedAt());
                }
            }
        }, executor);
    }

    /** Returns the position read from disk while the follower has not taken over, else null. */
    MirrorFile.Position readPosition() {
        return read;
    }

    /** Notes the follower that runs now: from now on the position is its own. */
    void following(MirrorFollowing hooks, StreamFollower stream) {
        following = hooks;
        follower = stream;
        read = null;
    }

    /** Returns where the mirror stands (taken before it is read), or null while nothing is loaded. */
    MirrorFile.Position position() {
        if (!health.loaded()) {
            return null;
        }
        MirrorFile.Position fromDisk = read;
        MirrorFollowing hooks = following;
        StreamFollower stream = follower;
        if (fromDisk != null || hooks == null || stream == null) {
            return fromDisk;
        }
        return hooks.position(stream.position(), clock.millis() - health.lagMillis());
    }

    /** Writes the mirror to disk when it moved (the state writer's thread). */
    void save() {
        MirrorFile.Position position = position();
        if (position == null) {
            return;
        }
        try {
            file.save(mirror, position);
        } catch (IOException e) {
            LOG.warn("revocation mirror not written to {}: {}", dir.where(MirrorFile.MIRROR), e.toString());
        }
    }

    /** Writes the mirror in the export format, with its position. */
    void export(OutputStream out) throws IOException {
        MirrorFile.Position position = position();
        if (position == null) {
            throw new IllegalStateException("revocation mirror not loaded: nothing to export");
        }
        RevocationLines.write(out, new RevocationLines.Header(position.generation(), position.counter(),
                position.stream().toString(), position.confirmedAt(), store, null, mirror.codeCount(),
                mirror.subjectCount()), mirror);
    }
}
