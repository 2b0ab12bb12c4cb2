package dev.hcgateway.loadtest.pool;

import dev.hcgateway.model.CodeKind;
import java.util.Objects;

/**
 * One pooled code: what it is, how it is carried, whose it is, and the scanned text itself.
 *
 * @param subject the subject pseudonym signed into the code (load-test subjects only; never a real person)
 */
public record PoolEntry(Category category, CodeKind kind, String subject, String code) {

    public PoolEntry {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(code, "code");
        if (code.indexOf('\t') >= 0 || code.indexOf('\n') >= 0 || subject.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("pool fields must not contain tabs or newlines");
        }
    }

    /** Returns the entry as one tab-separated line of a pool file. */
    public String line() {
        return category.wire() + '\t' + kind.wire() + '\t' + subject + '\t' + code;
    }

    /** Parses a line written by {@link #line()}. */
    public static PoolEntry parse(String line) {
        String[] f = line.split("\t", 4);
        if (f.length != 4) {
            throw new IllegalArgumentException("a pool line has 4 tab-separated fields: category, kind, subject, code");
        }
        return new PoolEntry(Category.of(f[0]), kind(f[1]), f[2], f[3]);
    }

    private static CodeKind kind(String wire) {
        for (CodeKind k : CodeKind.values()) {
            if (k.wire().equals(wire)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown code kind \"" + wire + "\"");
    }
}
