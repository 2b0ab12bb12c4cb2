package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.changes.StreamId;
import dev.hcgateway.state.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Measures the mirror on disk at scale: a mirror of N random 12-byte code ids and N/10 issuer-scoped subjects is
 * written to a fresh state directory as the gateway writes it (atomic replace, fsync) and read back as a restarted
 * gateway reads it; prints the file size, both times and the heap of the mirror (fingerprint tables and logs of
 * exact entries). Not a test (the name keeps surefire off it); run, on a quiet machine:
 *
 * <pre>
 * ./mvnw -B -o -q -pl gateway test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/hc-cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/hc-cp.txt) \
 *     dev.hcgateway.revocation.MirrorFileBenchmark 10000000
 * </pre>
 */
public final class MirrorFileBenchmark {

    private MirrorFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("hc-mirror-bench-");
        SplittableRandom random = new SplittableRandom(20_261_206L);
        Mirror mirror = new Mirror();
        byte[] id = new byte[12];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < id.length; b++) {
                id[b] = (byte) random.nextInt(256);
            }
            mirror.addCode(id);
        }
        for (int i = 0; i < n / 10; i++) {
            mirror.addSubject(new SubjectKey(i % 2 == 0 ? "440300" : "*", "s-" + random.nextLong()), 1_795_300_000L);
        }
        System.out.printf("mirror: %,d codes, %,d subjects, %,d B of heap (%.1f B per entry)%n", mirror.codeCount(),
                mirror.subjectCount(), mirror.bytes(), (double) mirror.bytes() / (n + n / 10));
        try (StateDir state = StateDir.open(dir.toString())) {
            MirrorFile file = new MirrorFile(state, "redis://127.0.0.1:6379/0", "hc:");
            long began = System.nanoTime();
            file.save(mirror, new MirrorFile.Position("bench", 1, new StreamId(1, 0), System.currentTimeMillis()));
            long written = System.nanoTime() - began;
            long size = Files.size(dir.resolve(MirrorFile.MIRROR));
            Mirror read = new Mirror();
            began = System.nanoTime();
            MirrorFile.Position position = new MirrorFile(state, "redis://127.0.0.1:6379/0", "hc:").load(read);
            long loaded = System.nanoTime() - began;
            System.out.printf("file: %,d B (%.1f B per entry); written and forced in %d ms; read back in %d ms (%s,"
                            + " %,d codes, %,d subjects)%n", size, (double) size / (n + n / 10), written / 1_000_000,
                    loaded / 1_000_000, position == null ? "NOT LOADED" : "loaded", read.codeCount(),
                    read.subjectCount());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
