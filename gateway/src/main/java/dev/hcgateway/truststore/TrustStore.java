package dev.hcgateway.truststore;

import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListException;
import dev.hcgateway.trust.TrustListParser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current trust list and replaces it when its file changes. A scan reads one volatile field, so a
 * reload never blocks or drops a request; a broken new file keeps the old list, and the log says why.
 */
public final class TrustStore {

    /** The classpath location of the bundled demo trust list (test issuers only). */
    public static final String DEMO = "/hc-defaults/demo/trust.json";
    private static final Logger LOG = LoggerFactory.getLogger(TrustStore.class);

    private final TrustListParser parser;
    private final String file;
    private final Counter reloaded;
    private final Counter refused;
    private volatile TrustList current;
    private volatile String lastProblem;
    private volatile byte[] lastContent = new byte[0];
    private volatile byte[] lastRefused = new byte[0];
    private Vertx vertx;
    private long timer = -1;

    /**
     * Creates a store for the trust list in {@code file}, or the bundled demo list when {@code file} is null.
     */
    public TrustStore(TrustListParser parser, String file, MeterRegistry registry) {
        this.parser = parser;
        this.file = file;
        this.reloaded = Counter.builder("hc_trust_reloads").tag("outcome", "loaded")
                .description("Trust list (re)loads by outcome").register(registry);
        this.refused = Counter.builder("hc_trust_reloads").tag("outcome", "refused")
                .description("Trust list (re)loads by outcome").register(registry);
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
        return lastContent.clone();
    }

    /** Returns why the last reload was refused, or null when the file in force is the newest. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Loads the list, failing when it is missing or invalid, then checks the file every {@code intervalMs}. */
    public Future<Void> start(Vertx vertx, long intervalMs) {
        this.vertx = vertx;
        if (file == null) {
            return vertx.executeBlocking(() -> {
                try (InputStream in = TrustStore.class.getResourceAsStream(DEMO)) {
                    if (in == null) {
                        throw new TrustListException("bundled demo trust list missing");
                    }
                    byte[] content = in.readAllBytes();
                    install(parser.parse(content, "bundled demo trust list"), content);
                    return null;
                }
            }, false);
        }
        return vertx.fileSystem().readFile(file)
                .recover(e -> Future.failedFuture(new TrustListException(file + ": cannot read: " + e.getMessage())))
                .compose(buffer -> parse(buffer.getBytes()))
                .onSuccess(v -> timer = vertx.setPeriodic(intervalMs, intervalMs, id -> checkForChange()));
    }

    /** Stops watching the file. */
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void checkForChange() {
        vertx.fileSystem().readFile(file).onComplete(ar -> {
            if (ar.failed()) {
                problem(file + ": cannot read, keeping the list in force: " + ar.cause().getMessage());
                return;
            }
            byte[] content = ar.result().getBytes();
            if (!Arrays.equals(content, lastContent) && !Arrays.equals(content, lastRefused)) {
                parse(content).onFailure(e -> {
                    lastRefused = content;
                    problem(e.getMessage() + "; keeping the list in force");
                });
            }
        });
    }

    private Future<Void> parse(byte[] content) {
        // Parsing builds native key objects: cheap, but off the event loop all the same.
        return vertx.executeBlocking(() -> {
            install(parser.parse(content, file), content);
            return null;
        }, false);
    }

    private void install(TrustList list, byte[] content) {
        lastContent = content; // before the list: whoever reads the new list reads its content
        current = list;
        lastProblem = null;
        reloaded.increment();
        LOG.info("trust list loaded from {}: {} keys of {} issuers, {} DCC signer kids", list.source(), list.size(),
                list.issuers(), list.dscs().size());
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            LOG.error("trust list refused: {}", message);
            refused.increment();
        }
        lastProblem = message;
    }

}
