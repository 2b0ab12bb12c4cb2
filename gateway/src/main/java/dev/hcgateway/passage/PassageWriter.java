package dev.hcgateway.passage;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a batch of passages in one statement: columns as arrays, {@code unnest}ed into rows, so a batch costs
 * one round trip; {@code ON CONFLICT DO NOTHING} on the key {@code (at, id)} makes a re-sent batch harmless.
 */
final class PassageWriter {

    private static final String INSERT = """
            INSERT INTO passages (id, at, gate, place, scene, decision, reason, colour, source, degraded,
                                  issuer, subject, kind, code_id, document, offline)
            SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                                 $7::text[], $8::text[], $9::text[], $10::bool[], $11::text[], $12::text[],
                                 $13::text[], $14::text[], $15::text[], $16::bool[])
            ON CONFLICT DO NOTHING""";

    private final Pool pool;
    private final PassageSchema schema;

    PassageWriter(Pool pool, PassageSchema schema) {
        this.pool = pool;
        this.schema = schema;
    }

    /** Stores the batch; succeeds once every passage of it is in the store (new or already there). */
    Future<Void> write(List<Passage> batch) {
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Long> days = batch.stream().map(p -> Math.floorDiv(p.at(), PassageSchema.DAY)).distinct().toList();
        int n = batch.size();
        UUID[] ids = new UUID[n];
        Long[] ats = new Long[n];
        Boolean[] degraded = new Boolean[n];
        Boolean[] offline = new Boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = batch.get(i).id();
            ats[i] = batch.get(i).at();
            degraded[i] = batch.get(i).degraded();
            offline[i] = batch.get(i).offline();
        }
        Tuple row = Tuple.tuple().addArrayOfUUID(ids).addArrayOfLong(ats)
                .addArrayOfString(texts(batch, Passage::gate)).addArrayOfString(texts(batch, Passage::place))
                .addArrayOfString(texts(batch, Passage::scene)).addArrayOfString(texts(batch, Passage::decision))
                .addArrayOfString(texts(batch, Passage::reason)).addArrayOfString(texts(batch, Passage::colour))
                .addArrayOfString(texts(batch, Passage::source)).addArrayOfBoolean(degraded)
                .addArrayOfString(texts(batch, Passage::issuer)).addArrayOfString(texts(batch, Passage::subject))
                .addArrayOfString(texts(batch, Passage::kind)).addArrayOfString(texts(batch, Passage::codeId))
                .addArrayOfString(texts(batch, Passage::document)).addArrayOfBoolean(offline);
        return schema.ensure(days).compose(v -> pool.preparedQuery(INSERT).execute(row)).mapEmpty();
    }

    private static String[] texts(List<Passage> batch, Function<Passage, String> field) {
        String[] out = new String[batch.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = field.apply(batch.get(i));
        }
        return out;
    }
}
