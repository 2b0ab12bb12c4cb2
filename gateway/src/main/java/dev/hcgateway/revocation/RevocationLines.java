package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The revocation set as JSON lines, the one format of {@code store export}/{@code import}, the admin export route
 * and the mirror on disk: a header line ({@code "format": "hc-revocations/1"}, the generation, the highest change
 * counter and the stream position it holds everything up to, when that was confirmed), then one line per revoked
 * code ({@code {"codeId": hex}}) or subject ({@code {"issuer"?, "subject", "issuedBefore"}}, no issuer: every
 * issuer). A file without a header (older exports) is read as entries only.
 */
public final class RevocationLines {

    /** The header's format name. */
    public static final String FORMAT = "hc-revocations/1";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RevocationLines() {
    }

    /**
     * What a file holds besides its entries.
     *
     * @param generation  the marker's value the entries belong to, or null when unknown
     * @param counter     the highest change counter the writer had seen
     * @param stream      the change-stream id everything up to which is in the entries ({@code 0-0} when unknown)
     * @param confirmedAt epoch ms at which the entries held everything Redis had (0 when unknown)
     * @param store       where they came from (Redis address without credentials, and key prefix), or null
     * @param writeId     an id of this writing (the mirror on disk pairs its position file with it)
     * @param codes       code ids in the file, about (for sizing the tables before a load)
     * @param subjects    subjects in the file, about
     */
    public record Header(String generation, long counter, String stream, long confirmedAt, String store,
                         String writeId, long codes, long subjects) {

        /** The header of a file that has none. */
        static final Header NONE = new Header(null, 0, "0-0", 0, null, null, 0, 0);
    }

    /** Receives the entries read. */
    public interface Entries {
        /** The header, before any entry (not called for a file without one); may throw to stop reading. */
        default void header(Header header) throws IOException {
        }

        /** A revoked code id, lower-case hex of 8..16 bytes. */
        void code(String idHex) throws IOException;

        /** A revoked subject under its issuer (or every issuer), with its instant. */
        void subject(SubjectKey key, long issuedBefore) throws IOException;
    }

    /** Writes lines to a stream; close it to flush (the stream itself is left open). */
    public static final class Writer implements AutoCloseable {
        private final JsonGenerator json;

        /** Starts a file with its header. */
        public Writer(OutputStream out, Header header) throws IOException {
            json = JSON.createGenerator(out);
            json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("generation", header.generation());
            json.writeNumberField("counter", header.counter());
            json.writeStringField("stream", header.stream());
            json.writeNumberField("confirmedAt", header.confirmedAt());
            json.writeStringField("store", header.store());
            json.writeStringField("writeId", header.writeId());
            json.writeNumberField("codes", header.codes());
            json.writeNumberField("subjects", header.subjects());
            json.writeEndObject();
        }

        /** Writes a revoked code id. */
        public void code(byte[] id) throws IOException {
            code(HexFormat.of().formatHex(id));
        }

        /** Writes a revoked code id given as hex. */
        public void code(String idHex) throws IOException {
            json.writeStartObject();
            json.writeStringField("codeId", idHex);
            json.writeEndObject();
        }

        /** Writes a revoked subject. */
        public void subject(SubjectKey key, long issuedBefore) throws IOException {
            json.writeStartObject();
            if (!key.everyIssuer()) {
                json.writeStringField("issuer", key.issuer());
            }
            json.writeStringField("subject", key.subject());
            json.writeNumberField("issuedBefore", issuedBefore);
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            json.writeRaw('\n');
            json.close();
        }
    }

    /** Writes the mirror's entries after {@code header}. */
    static void write(OutputStream out, Header header, Mirror mirror) throws IOException {
        try (Writer writer = new Writer(out, header)) {
            IOException[] failed = new IOException[1];
            mirror.forEachCode(id -> {
                if (failed[0] == null) {
                    try {
                        writer.code(id);
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                }
            });
            mirror.forEachSubject((key, before) -> {
                if (failed[0] == null) {
                    try {
                        writer.subject(key, before);
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
    }

    /**
     * Reads a file: its header (or {@link Header#NONE} when it has none), every entry to {@code entries}.
     *
     * @throws IOException unreadable, or a line that is no entry (the message names the line)
     */
    public static Header read(InputStream in, Entries entries) throws IOException {
        Header header = Header.NONE;
        try (JsonParser json = JSON.createParser(in)) {
            boolean first = true;
            for (JsonToken t = json.nextToken(); t != null; t = json.nextToken()) {
                long line = json.currentLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("line " + line + ": not a JSON object");
                }
                Map<String, Object> fields = fields(json);
                if (first && FORMAT.equals(fields.get("format"))) {
                    header = header(fields);
                    entries.header(header);
                } else if (!entry(fields, entries)) {
                    throw new IOException("line " + line + ": neither a code id nor a subject revocation");
                }
                first = false;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not JSON lines: " + e.getOriginalMessage(), e);
        }
        return header;
    }

    private static Map<String, Object> fields(JsonParser json) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (value.isStructStart()) {
                json.skipChildren();
                fields.put(name, null);
            } else {
                fields.put(name, value.isNumeric() ? (Object) json.getLongValue()
                        : value == JsonToken.VALUE_NULL ? null : json.getText());
            }
        }
        return fields;
    }

    private static Header header(Map<String, Object> f) {
        return new Header(f.get("generation") instanceof String g ? g : null, Math.max(0, number(f.get("counter"))),
                f.get("stream") instanceof String s ? s : "0-0", Math.max(0, number(f.get("confirmedAt"))),
                f.get("store") instanceof String s ? s : null, f.get("writeId") instanceof String w ? w : null,
                Math.max(0, number(f.get("codes"))), Math.max(0, number(f.get("subjects"))));
    }

    private static boolean entry(Map<String, Object> f, Entries entries) throws IOException {
        if (f.get("codeId") instanceof String hex && Fingerprints.ofCodeIdHex(hex) != 0 && f.size() == 1) {
            entries.code(hex.toLowerCase(java.util.Locale.ROOT));
            return true;
        }
        Object issuer = f.get("issuer");
        Object subject = f.get("subject");
        long before = f.get("issuedBefore") instanceof String s ? parse(s) : number(f.get("issuedBefore"));
        if (subject instanceof String s && SubjectKey.validSubject(s) && before >= 0
                && (issuer == null || issuer instanceof String i && SubjectKey.validIssuer(i))) {
            entries.subject(SubjectKey.of((String) issuer, s), before);
            return true;
        }
        return false;
    }

    private static long number(Object value) {
        return value instanceof Long l ? l : -1;
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
