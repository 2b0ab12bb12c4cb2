package dev.hcgateway.loadtest.pool;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A minted pool of codes of one issuer, and its file form: a header line {@code # hc-pool v1 issuer=I
 * mintedAt=EPOCH}, then one tab-separated line per code ({@link PoolEntry#line()}).
 */
public record CodePool(String issuer, long mintedAt, List<PoolEntry> entries) {

    private static final String HEADER = "# hc-pool v1";

    public CodePool {
        Objects.requireNonNull(issuer, "issuer");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a pool holds at least one code");
        }
    }

    /** Returns how many codes the pool holds. */
    public int size() {
        return entries.size();
    }

    /** Returns the entry at {@code i} modulo the size (pools are scanned round and round). */
    public PoolEntry at(long i) {
        return entries.get((int) Math.floorMod(i, (long) entries.size()));
    }

    /** Returns the entries that match. */
    public List<PoolEntry> where(Predicate<PoolEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    /** Returns how many codes each category has. */
    public Map<Category, Integer> counts() {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        entries.forEach(e -> counts.merge(e.category(), 1, Integer::sum));
        return counts;
    }

    /** Writes the pool file. */
    public void write(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write(HEADER + " issuer=" + issuer + " mintedAt=" + mintedAt);
            w.newLine();
            for (PoolEntry e : entries) {
                w.write(e.line());
                w.newLine();
            }
        }
    }

    /** Reads a pool file written by {@link #write}. */
    public static CodePool read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String header = r.readLine();
            if (header == null || !header.startsWith(HEADER)) {
                throw new IOException(file + ": not a code pool (first line must start with \"" + HEADER + "\")");
            }
            String issuer = field(header, "issuer", file);
            long mintedAt = Long.parseLong(field(header, "mintedAt", file));
            List<PoolEntry> entries = new ArrayList<>();
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isEmpty()) {
                    try {
                        entries.add(PoolEntry.parse(line));
                    } catch (IllegalArgumentException e) {
                        throw new IOException(file + ":" + n + ": " + e.getMessage());
                    }
                }
            }
            return new CodePool(issuer, mintedAt, entries);
        }
    }

    private static String field(String header, String name, Path file) throws IOException {
        for (String part : header.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IOException(file + ": header has no " + name + "=");
    }
}
