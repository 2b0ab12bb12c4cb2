package dev.hcgateway.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory where a gateway keeps what must survive its restart. Held by one gateway at a time (a lock file:
 * two gateways writing one mirror would each overwrite the other's). Files are replaced atomically: written
 * beside, forced to disk, renamed over the old one, and the directory forced, so a crash at any moment leaves
 * either the old file or the new one, never half of one. Writes run on one thread of their own, never on an event
 * loop or the revocation follower.
 */
public final class StateDir implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateDir.class);

    /** No directory: nothing is kept. */
    public static final StateDir NONE = new StateDir(null, null, null, "no state directory configured");

    private final Path dir;
    private final FileChannel lockFile;
    private final ScheduledExecutorService writer;
    private volatile String problem;

    private StateDir(Path dir, FileChannel lockFile, ScheduledExecutorService writer, String problem) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.writer = writer;
        this.problem = problem;
    }

    /**
     * Registers {@code hc_state_problem}: 1 while a configured state directory cannot be used or its last write
     * failed (a restart while Redis is away would then find no mirror, or an old one), 0 otherwise.
     */
    public StateDir measured(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("hc.state.problem", this, s -> s.problem != null && s != NONE ? 1 : 0)
                .description("1 while the state directory is unusable or its last write failed").register(registry);
        return this;
    }

    /** Writes the content of one file. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Opens (creating) and locks the directory; when it cannot be written or another gateway holds it, logs why and
     * returns a state directory that keeps nothing (the gateway runs as without one, and says so).
     */
    public static StateDir open(String dir) {
        if (dir == null) {
            return NONE;
        }
        Path path = Path.of(dir).toAbsolutePath();
        try {
            Files.createDirectories(path);
            FileChannel channel = FileChannel.open(path.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = lockOrNull(channel);
            if (lock == null) {
                channel.close();
                return unusable(path, "held by another gateway (one gateway per state directory)");
            }
            ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hc-state-writer");
                t.setDaemon(true);
                return t;
            });
            LOG.info("state directory {}: the revocation mirror and remembered reds are kept here", path);
            return new StateDir(path, channel, writer, null);
        } catch (IOException e) {
            return unusable(path, "not writable: " + e.getMessage());
        }
    }

    private static FileLock lockOrNull(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another gateway of this process (tests)
        }
    }

    private static StateDir unusable(Path path, String why) {
        String problem = "state directory " + path + " " + why + ": nothing is kept on disk";
        LOG.warn("{}; a restart while Redis is away finds no mirror to judge by", problem);
        return new StateDir(null, null, null, problem);
    }

    /** Tells whether files are kept. */
    public boolean keeps() {
        return dir != null;
    }

    /** Returns why nothing is kept, or null when files are. */
    public String problem() {
        return problem;
    }

    /** Runs {@code task} every {@code seconds} on the writer thread (nothing when nothing is kept). */
    public void every(long seconds, Runnable task) {
        if (writer != null) {
            writer.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("writing state failed; trying again in {} s", seconds, e);
                }
            }, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    /** Runs {@code task} once on the writer thread, after whatever it is writing now. */
    public void soon(Runnable task) {
        if (writer != null) {
            writer.execute(task);
        }
    }

    /** Replaces the file {@code name} with {@code content}, atomically. */
    public void write(String name, Content content) throws IOException {
        if (dir == null) {
            return;
        }
        try {
            replace(name, content);
            problem = null;
        } catch (IOException | RuntimeException e) {
            problem = "writing " + name + " failed: " + e;
            throw e;
        }
    }

    private void replace(String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        Path temp = dir.resolve(name + ".new");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = new java.io.BufferedOutputStream(
                java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the state directory " + dir + " cannot rename atomically", e);
        }
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true); // the rename itself is durable only once the directory is
        } catch (IOException e) {
            LOG.debug("directory {} cannot be forced on this file system", dir);
        }
    }

    /** Opens the file {@code name} for reading, or returns null when there is none. */
    public InputStream read(String name) throws IOException {
        if (dir == null) {
            return null;
        }
        try {
            return new java.io.BufferedInputStream(Files.newInputStream(dir.resolve(name)), 1 << 16);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Returns the path of {@code name}, for messages. */
    public String where(String name) {
        return dir == null ? name : dir.resolve(name).toString();
    }

    /** Stops the writer (after what it is writing) and releases the directory. */
    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
            lockFile.close();
        } catch (IOException e) {
            LOG.warn("state directory lock not released: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
