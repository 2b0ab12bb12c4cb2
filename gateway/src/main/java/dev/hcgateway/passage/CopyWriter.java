package dev.hcgateway.passage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a batch with binary {@code COPY} straight into its day partitions, in one transaction, on a worker thread
 * (pgjdbc blocks). About half the store's CPU per passage of {@code INSERT ... SELECT unnest(...) ON CONFLICT}: no
 * arrays to unpack, no tuple routing, no speculative insertion, and heap pages filled many rows per WAL record.
 *
 * <p>Exactly once all the same: each partition's key {@code (at, id)} refuses a passage it already holds (a batch
 * re-sent after a failure whose commit had gone through, or after a restart before the cursor was saved). The COPY
 * then fails whole with {@code unique_violation}, keeping nothing, and that batch is written by {@link PassageWriter}
 * ({@code ON CONFLICT DO NOTHING}) instead. So duplicates cost the slow path only on the rare re-sent batch.
 */
final class CopyWriter {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Vertx vertx;
    private final CopyConnections connections;
    private final PassageSchema schema;
    private final PassageWriter fallback;

    CopyWriter(Vertx vertx, CopyConnections connections, PassageSchema schema, PassageWriter fallback) {
        this.vertx = vertx;
        this.connections = connections;
        this.schema = schema;
        this.fallback = fallback;
    }

    /** Stores the batch; succeeds once every passage of it is in the store (new or already there). */
    Future<Void> write(List<Passage> batch) {
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        Map<Long, List<Passage>> byDay = new TreeMap<>();
        for (Passage p : batch) {
            byDay.computeIfAbsent(Math.floorDiv(p.at(), PassageSchema.DAY), d -> new ArrayList<>()).add(p);
        }
        return schema.ensure(List.copyOf(byDay.keySet()))
                .compose(v -> vertx.<Void>executeBlocking(() -> copy(byDay), false))
                .recover(e -> e instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())
                        ? fallback.write(batch) : Future.failedFuture(e));
    }

    private Void copy(Map<Long, List<Passage>> byDay) throws SQLException {
        Connection c = connections.take();
        try {
            PGConnection pg = c.unwrap(PGConnection.class);
            for (Map.Entry<Long, List<Passage>> day : byDay.entrySet()) {
                byte[] rows = CopyEncoder.encode(day.getValue());
                CopyIn in = pg.getCopyAPI().copyIn("COPY " + PassageSchema.name(day.getKey()) + " ("
                        + CopyEncoder.COLUMNS + ") FROM STDIN (FORMAT binary)");
                in.writeToCopy(rows, 0, rows.length);
                in.endCopy();
            }
            c.commit();
            connections.give(c);
            return null;
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            throw e;
        }
    }

    /** Rolls back a failed batch; keeps the connection only when the server refused the data, not the link. */
    private void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
            if (cause instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                connections.give(c);
                return;
            }
        } catch (SQLException e) {
            // the link itself is gone: discarded below
        }
        connections.discard(c);
    }
}
