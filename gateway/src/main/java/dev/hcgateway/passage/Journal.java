package dev.hcgateway.passage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local, segmented, bounded journal of passages: every passage is appended with one {@code write()} to the
 * page cache before its answer is written, so a killed process loses none; {@link #sync} periodically seals
 * the open segment and forces it to disk, so a machine crash loses at most one interval. Segments are numbered files
 * ({@code 00000000000000000042.seg}); a new one is started at every open and when the current one is full, so
 * a torn tail (crash mid-write) only ever ends a sealed segment, where readers skip it.
 *
 * <p>Thread-safe: event loops append under one short lock (a few microseconds: a frame encode and a write).
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final ByteBuffer frame = ByteBuffer.allocate(PassageCodec.HEADER + PassageCodec.MAX_PAYLOAD);
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final List<FileChannel> sealed = new ArrayList<>();
    /** Held while sealed segments are forced: a sync that returns has forced whatever was sealed before it began. */
    private final Object forcing = new Object();
    private FileChannel current;
    private long currentSize;
    private volatile long currentSegment;

    /** Opens the journal in {@code dir} (created if absent) and starts a fresh segment. */
    public Journal(Path dir, long maxBytes, long segmentBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
            long last = 0;
            for (long segment : segments()) {
                bytes.addAndGet(Files.size(file(segment)));
                last = Math.max(last, segment);
            }
            roll(last + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("passages journal " + dir + " cannot be opened", e);
        }
    }

    /** Appends a passage; returns false, counting it dropped, when the journal is full or cannot be written. */
    public synchronized boolean append(Passage passage) {
        if (!offer(passage)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * Appends a passage; returns false when the journal is full or cannot be written, without counting it dropped:
     * an offline gate keeps what it handed in until it is answered, so nothing is lost.
     */
    synchronized boolean offer(Passage passage) {
        PassageCodec.frame(passage, frame);
        int size = frame.remaining();
        if (current == null || bytes.get() + size > maxBytes) {
            return false;
        }
        try {
            while (frame.hasRemaining()) {
                current.write(frame);
            }
            currentSize += size;
            bytes.addAndGet(size);
            if (currentSize >= segmentBytes) {
                roll(currentSegment + 1);
            }
            return true;
        } catch (IOException e) {
            LOG.error("passages journal write failed; passage not recorded: {}", e.toString());
            return false;
        }
    }

    /** Counts a passage that could not be recorded (e.g. a field out of bounds) as dropped. */
    void refuse() {
        dropped.incrementAndGet();
    }

    /** Seals the current segment (forced and closed by the next {@link #sync}) and opens the next. */
    private void roll(long segment) throws IOException {
        if (current != null) {
            sealed.add(current);
        }
        current = FileChannel.open(file(segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        currentSegment = segment;
        currentSize = 0;
    }

    /**
     * Seals the open segment when it holds anything, then forces and closes the sealed ones. Blocking
     * (milliseconds): run it on a worker. Only sealed files are forced, because on Linux an fsync holds the
     * file's inode lock and would stall an event loop's {@code write()} to the same file for its duration.
     * Returns false when a force failed (the data may still reach the disk; it is not known to have).
     */
    public boolean sync() {
        synchronized (this) {
            if (current != null && currentSize > 0) {
                try {
                    roll(currentSegment + 1);
                } catch (IOException e) {
                    LOG.warn("passages journal cannot start a segment: {}", e.toString());
                }
            }
        }
        return forceSealed();
    }

    /**
     * Forces and closes the sealed segments; returns false when a force failed. One caller at a time: a second
     * one finding the list taken by the first waits for its force instead of returning before the data is down
     * (the offline intake answers only after its own {@link #sync}).
     */
    private boolean forceSealed() {
        synchronized (forcing) {
            List<FileChannel> toClose;
            synchronized (this) {
                toClose = new ArrayList<>(sealed);
                sealed.clear();
            }
            try {
                for (FileChannel channel : toClose) {
                    channel.force(false);
                    channel.close();
                }
                return true;
            } catch (IOException e) {
                LOG.warn("passages journal fsync failed: {}", e.toString());
                return false;
            }
        }
    }

    /** Returns the number of the segment being written: readers wait at its end rather than skip a tail. */
    long currentSegment() {
        return currentSegment;
    }

    /** Returns the segment numbers on disk, ascending. */
    List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{20}\\.seg"))
                    .map(n -> Long.parseLong(n.substring(0, 20))).sorted().toList();
        }
    }

    /** Returns the file of a segment. */
    Path file(long segment) {
        return dir.resolve(String.format("%020d.seg", segment));
    }

    /** Returns the journal's directory. */
    Path dir() {
        return dir;
    }

    /** Deletes every segment numbered below {@code segment}: the store has all of them. */
    void deleteBefore(long segment) throws IOException {
        for (long s : segments()) {
            if (s < segment && s != currentSegment) {
                Path file = file(s);
                long size = Files.size(file);
                Files.deleteIfExists(file);
                bytes.addAndGet(-size);
            }
        }
    }

    /** Returns the bound: past it, new passages are dropped (and counted) while the gate keeps its answer. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Returns the bytes the journal holds on disk. */
    public long bytes() {
        return bytes.get();
    }

    /** Returns how many passages were dropped since start (journal full or unwritable). */
    public long dropped() {
        return dropped.get();
    }

    /** Forces and closes the journal; appends after it are dropped. Blocking: a worker's job. */
    @Override
    public void close() {
        synchronized (this) {
            if (current != null) {
                sealed.add(current);
            }
            current = null;
        }
        forceSealed();
    }
}
