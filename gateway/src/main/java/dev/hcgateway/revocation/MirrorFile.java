package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.changes.StreamId;
import dev.hcgateway.state.StateDir;
import io.lettuce.core.RedisURI;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mirror on disk, so that a gateway started while Redis is away has its revocations to judge by. Two files
 * in the state directory: {@code revocations.jsonl}, the whole mirror in the export format ({@link RevocationLines}),
 * rewritten only when its content changed; and {@code revocations.position.json}, where the mirror stands (the
 * generation, the highest change counter, the stream position, when it was last confirmed), rewritten whenever
 * that moved: a small file, so that a mirror of ten million entries is not rewritten every few seconds to say it is
 * still current. The position names the writing of the mirror it belongs to; one that belongs to another is
 * ignored (the mirror's own header then says where it stood).
 */
final class MirrorFile {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorFile.class);
    static final String MIRROR = "revocations.jsonl";
    static final String POSITION = "revocations.position.json";

    /** Where a mirror stands: all changes up to {@code stream} of {@code generation} are in it. */
    record Position(String generation, long counter, StreamId stream, long confirmedAt) {
    }

    private final StateDir dir;
    private final String store;
    private long writtenChanges = -1;
    private String writeId;
    private Position writtenPosition;

    /** Creates the file for the store at {@code uri} under {@code keyPrefix}; its files name that store. */
    MirrorFile(StateDir dir, String uri, String keyPrefix) {
        this.dir = dir;
        this.store = identity(uri, keyPrefix);
    }

    /** Names a store without its credentials: the address(es), database and key prefix. */
    static String identity(String uri, String keyPrefix) {
        RedisURI parsed = RedisURI.create(uri);
        String where = parsed.getSentinels().isEmpty() ? parsed.getHost() + ":" + parsed.getPort()
                : parsed.getSentinels().stream().map(s -> s.getHost() + ":" + s.getPort())
                .collect(Collectors.joining(",")) + "#" + parsed.getSentinelMasterId();
        return where + "/" + parsed.getDatabase() + " " + keyPrefix;
    }

    /**
     * Loads the mirror on disk into {@code mirror}; returns where it stands, or null when there is none (or it is of
     * another store, or unreadable: logged). Blocking: run it off the event loops.
     */
    Position load(Mirror mirror) {
        try (InputStream in = dir.read(MIRROR)) {
            if (in == null) {
                return null;
            }
            long began = System.nanoTime();
            RevocationLines.Header header = RevocationLines.read(in, new RevocationLines.Entries() {
                @Override
                public void header(RevocationLines.Header header) throws IOException {
                    if (!store.equals(header.store()) || header.generation() == null) {
                        throw new IOException("of another store (" + header.store() + ", not " + store + ")");
                    }
                    mirror.reserve(header.codes(), header.subjects());
                }

                @Override
                public void code(String idHex) {
                    mirror.addCodeHex(idHex);
                }

                @Override
                public void subject(SubjectKey key, long issuedBefore) {
                    mirror.addSubject(key, issuedBefore);
                }
            });
            if (header.generation() == null) {
                throw new IOException("no header");
            }
            Position position = newer(header);
            LOG.info("revocation mirror read from {} in {} ms: {} code ids and {} subjects, generation {}, confirmed"
                            + " at {} ms", dir.where(MIRROR), (System.nanoTime() - began) / 1_000_000,
                    mirror.codeCount(), mirror.subjectCount(), position.generation(), position.confirmedAt());
            writtenChanges = mirror.changes();
            writeId = header.writeId();
            writtenPosition = position;
            return position;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} unreadable ({}): not loaded", dir.where(MIRROR), e.toString());
            return null;
        }
    }

    /** Returns the position file's position when it belongs to this writing of the mirror, else the header's. */
    private Position newer(RevocationLines.Header header) {
        Position own = new Position(header.generation(), header.counter(), StreamId.parse(header.stream()),
                header.confirmedAt());
        try (InputStream in = dir.read(POSITION)) {
            if (in == null) {
                return own;
            }
            JsonObject p = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!p.getString("writeId", "").equals(header.writeId())
                    || !header.generation().equals(p.getString("generation"))) {
                return own;
            }
            return new Position(header.generation(), p.getLong("counter"), StreamId.parse(p.getString("stream")),
                    p.getLong("confirmedAt"));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} unreadable ({}): using the mirror's own position", dir.where(POSITION), e.toString());
            return own;
        }
    }

    /**
     * Writes what moved since the last call: the mirror when its content changed, the position when it moved. The
     * position must have been taken BEFORE this call reads the mirror: the mirror then holds at least everything up
     * to it (more is harmless: the mirror only grows, and applying a change twice changes nothing).
     */
    void save(Mirror mirror, Position position) throws IOException {
        long changes = mirror.changes();
        if (changes != writtenChanges) {
            String id = UUID.randomUUID().toString();
            RevocationLines.Header header = new RevocationLines.Header(position.generation(), position.counter(),
                    position.stream().toString(), position.confirmedAt(), store, id, mirror.codeCount(),
                    mirror.subjectCount());
            long began = System.nanoTime();
            dir.write(MIRROR, out -> RevocationLines.write(out, header, mirror));
            LOG.debug("revocation mirror written in {} ms", (System.nanoTime() - began) / 1_000_000);
            writtenChanges = changes;
            writeId = id;
            writtenPosition = position;
        }
        if (!position.equals(writtenPosition)) {
            JsonObject p = new JsonObject().put("writeId", writeId).put("generation", position.generation())
                    .put("counter", position.counter()).put("stream", position.stream().toString())
                    .put("confirmedAt", position.confirmedAt());
            dir.write(POSITION, out -> out.write(p.encode().getBytes(StandardCharsets.UTF_8)));
            writtenPosition = position;
        }
    }
}
