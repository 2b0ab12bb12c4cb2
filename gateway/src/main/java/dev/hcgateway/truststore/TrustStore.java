package dev.hcgateway.truststore;

import dev.hcgateway.trust.TrustAnchor;
import dev.hcgateway.trust.TrustAnchorException;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListException;
import dev.hcgateway.trust.TrustListParser;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Holds the current trust list and replaces it when its file (or, with a trust anchor, its signature file)
 * changes. A scan reads one volatile field, so a reload never blocks or drops a request; a new file that is
 * broken, or not signed by the anchor, keeps the last good list, and the log, {@link #rejectedReload()} and a
 * metric say why ({@link TrustReports}).
 */
public final class TrustStore {

    /** The classpath location of the bundled demo trust list (test issuers only). */
    public static final String DEMO = "/hc-defaults/demo/trust.json";

    /** A reload refused while the last good list stays in force: its cause (a metric label) and why. */
    public record RejectedReload(String cause, String reason) {
        public RejectedReload {
            java.util.Objects.requireNonNull(cause, "cause");
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    private final TrustListParser parser;
    private final String file;
    private final String anchorFile;
    private final TrustReports reports;
    private volatile TrustList current;
    private volatile boolean signed;
    /** The bytes the list in force was read from: what an offline bundle carries. */
    private volatile byte[] content = new byte[0];
    private TrustFiles files;
    private TrustFiles.Pair installed;
    private TrustFiles.Pair refusedPair;
    private TrustFiles.Pair pending;
    private boolean polling;
    private Vertx vertx;
    private long timer = -1;

    /** Creates a store for the trust list in {@code file} (null: the bundled demo list), signatures not required. */
    public TrustStore(TrustListParser parser, String file, MeterRegistry registry) {
        this(parser, file, null, registry);
    }

    /**
     * Creates a store for the trust list in {@code file}, or the bundled demo list when {@code file} is null;
     * with {@code anchorFile} (the trust anchor's public key) every list must carry the anchor's signature.
     */
    public TrustStore(TrustListParser parser, String file, String anchorFile, MeterRegistry registry) {
        this.parser = parser;
        this.file = file;
        this.anchorFile = anchorFile;
        this.reports = new TrustReports(registry);
        Gauge.builder("hc_trust_keys", this, s -> s.current == null ? 0 : s.current.size())
                .description("Issuer keys in the trust list").register(registry);
    }

    /** Returns a store that holds {@code list} and never reloads: for tools, benchmarks and tests. */
    public static TrustStore fixed(TrustList list, MeterRegistry registry) {
        TrustStore store = new TrustStore(null, list.source(), registry);
        store.current = list;
        return store;
    }

    /** Returns the list in force; null only before {@link #start} succeeded. */
    public TrustList current() {
        return current;
    }

    /**
     * Returns the bytes of the file the list in force was read from (what an offline bundle carries). Read it after
     * {@link #current()}: it is then that list's content or a newer one's.
     */
    public byte[] currentContent() {
        return content.clone();
    }

    /** Returns why the last reload was refused, or null when the files in force are the newest. */
    public String lastProblem() {
        RejectedReload rejected = reports.rejected();
        return rejected == null ? null : rejected.reason();
    }

    /** Returns the last reload refused while the list in force stayed, or null when the newest files are in force. */
    public RejectedReload rejectedReload() {
        return reports.rejected();
    }

    /** Tells whether lists must be signed by a trust anchor. */
    public boolean anchored() {
        return anchorFile != null;
    }

    /** Tells whether the list in force was verified under the trust anchor. */
    public boolean signed() {
        return signed;
    }

    /**
     * Loads the list, failing when it is missing or invalid ({@link TrustAnchorException} when the anchor did not
     * sign it, or cannot be read), then checks the files every {@code intervalMs}.
     */
    public Future<Void> start(Vertx vertx, long intervalMs) {
        this.vertx = vertx;
        // File IO, key parsing, a signature check: a worker's work, never the event loop's.
        return vertx.<Void>executeBlocking(() -> {
            load();
            return null;
        }, false).onSuccess(v -> {
            if (files != null) {
                timer = vertx.setPeriodic(intervalMs, intervalMs, id -> poll());
            }
        });
    }

    /** Stops watching the files. */
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void load() throws TrustListException {
        TrustAnchor anchor = anchorFile == null ? null : TrustAnchor.read(Path.of(anchorFile));
        if (file == null) {
            if (anchor != null) {
                throw new TrustAnchorException("the bundled demo trust list is not signed by the trust anchor ("
                        + anchorFile + "): set HC_TRUST_FILE to a list the anchor signed, or unset HC_TRUST_ANCHOR");
            }
            reports.anchor("the bundled demo trust list", null, null);
            try (InputStream in = TrustStore.class.getResourceAsStream(DEMO)) {
                if (in == null) {
                    throw new TrustListException("bundled demo trust list missing");
                }
                byte[] demo = in.readAllBytes();
                content = demo;
                install(parser.parse(demo, "bundled demo trust list"), null);
            } catch (IOException e) {
                throw new TrustListException("bundled demo trust list unreadable: " + e.getMessage());
            }
            return;
        }
        files = new TrustFiles(parser, Path.of(file), anchor);
        reports.anchor(file, anchorFile, files.signatureFile().toString());
        TrustFiles.Pair pair = files.first();
        install(files.load(pair), pair);
    }

    /** Checks the files once, on a worker; a check still running when the timer fires again is not doubled. */
    private void poll() {
        if (polling) {
            return;
        }
        polling = true;
        vertx.executeBlocking(() -> {
            reload();
            return null;
        }, false).onComplete(ar -> polling = false);
    }

    private synchronized void reload() {
        TrustFiles.Pair pair;
        try {
            pair = files.read();
        } catch (IOException e) {
            reports.refused("unreadable", file + ": cannot read: " + TrustFiles.describe(e));
            return;
        }
        if (pair == null || pair.same(refusedPair)) {
            return; // changing while read (read again next time), or refused already
        }
        if (pair.same(installed)) {
            pending = null;
            reports.settled();
            return;
        }
        try {
            install(files.load(pair), pair);
        } catch (TrustAnchorException e) {
            // The list and its signature are two files, written one after the other: judge a pair that fails the
            // anchor only once it held still for one interval, so an operator's copy is not reported half-done.
            if (!pair.same(pending)) {
                pending = pair;
                return;
            }
            refusedPair = pair;
            reports.unsigned(e.refusal() != null ? e.refusal() : TrustAnchor.Cause.BAD_SIGNATURE, e.getMessage());
        } catch (TrustListException e) {
            refusedPair = pair;
            reports.refused("invalid", e.getMessage());
        }
    }

    private void install(TrustList list, TrustFiles.Pair pair) {
        if (pair != null) {
            content = pair.content(); // before the list: whoever reads the new list reads its content
        }
        current = list;
        installed = pair;
        pending = null;
        signed = files != null && files.anchored();
        reports.loaded(list, signed);
    }
}
