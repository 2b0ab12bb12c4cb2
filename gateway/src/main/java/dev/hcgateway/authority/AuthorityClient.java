package dev.hcgateway.authority;

import dev.hcgateway.model.StoreColour;
import dev.hcgateway.model.DocumentKey;

import dev.hcgateway.config.AuthorityConfig;
import dev.hcgateway.config.StoreEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client of one authoritative store (authority API v1) on a bounded Vert.x HTTP client of its own: bounded pool
 * and wait queue, connect, idle and whole-request timeouts, bearer token. Every answer is validated; whatever goes
 * wrong is a {@link LookupResult.Unavailable} value, never a failed future. Thread-safe.
 */
public final class AuthorityClient {

    static final String SUBJECTS = "/v1/colours/lookup";
    static final String DOCUMENTS = "/v1/colours/lookup-by-document";
    /** Largest answer body read: 200 entries of ~150 bytes fit many times over. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final Vertx vertx;
    private final AuthorityConfig config;
    private final StoreEndpoint store;
    private final Clock clock;
    private final HttpClientAgent http;
    private final AnswerReader reader = new AnswerReader();
    private final AuthorityMetrics metrics;

    /**
     * Creates the client of {@code store}, with the settings of {@code config}; it opens connections lazily.
     *
     * @param label the store's metric label: its issuer, or {@code default} (a bounded set)
     */
    public AuthorityClient(Vertx vertx, AuthorityConfig config, StoreEndpoint store, String label, Clock clock,
                           MeterRegistry registry) {
        this.vertx = vertx;
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.http = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setName("hc-authority-" + label)
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setConnectTimeout(config.connectTimeoutMs())
                        .setIdleTimeout(config.idleTimeoutSeconds())
                        .setIdleTimeoutUnit(TimeUnit.SECONDS)
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(config.idleTimeoutSeconds())
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false))
                .with(new PoolOptions()
                        .setHttp1MaxSize(config.maxConnections())
                        .setMaxWaitQueueSize(config.maxWaitQueue()))
                .build();
        this.metrics = new AuthorityMetrics(registry, label);
    }

    /** Looks up 1..200 subjects of one issuer, named in the body; the answer maps each subject to its colour. */
    public Future<LookupResult> lookupSubjects(String issuer, List<String> subjects) {
        checkSize(subjects.size());
        JsonObject body = new JsonObject().put("issuer", issuer).put("subjects", new JsonArray(List.copyOf(subjects)));
        return post(SUBJECTS, AuthorityMetrics.SUBJECTS, body, "subject", new LinkedHashSet<>(subjects));
    }

    /** Looks up 1..200 documents by hash; the answer maps each hash to its colour (and subject, when known). */
    public Future<LookupResult> lookupDocuments(List<DocumentKey> documents) {
        checkSize(documents.size());
        JsonArray items = new JsonArray();
        Set<String> hashes = new LinkedHashSet<>();
        for (DocumentKey d : documents) {
            items.add(new JsonObject().put("type", d.type()).put("hash", d.hash()));
            hashes.add(d.hash());
        }
        return post(DOCUMENTS, AuthorityMetrics.DOCUMENTS, new JsonObject().put("documents", items), "hash", hashes);
    }

    /** Closes the pool; lookups in flight end as unreachable. */
    public Future<Void> close() {
        return http.close();
    }

    private Future<LookupResult> post(String path, String endpoint, JsonObject body, String keyField,
                                      Set<String> asked) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(store.url() + path)
                .setConnectTimeout(config.connectTimeoutMs())
                .setIdleTimeout(config.requestTimeoutMs())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        if (store.token() != null) {
            options.putHeader("Authorization", "Bearer " + store.token());
        }
        long start = System.nanoTime();
        Promise<LookupResult> result = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // One deadline for the whole exchange: Vert.x has only connect and idle timeouts, and a store that
        // trickles bytes would otherwise hold a lookup (and a connection) for ever.
        long deadline = vertx.setTimer(config.requestTimeoutMs(), id -> {
            if (result.tryComplete(new LookupResult.Unavailable(Failure.TIMEOUT, 0))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                    request.reset();
                }
            }
        });
        http.request(options)
                .compose(request -> {
                    sent.set(request);
                    if (result.future().isComplete()) {
                        request.reset();
                    }
                    return request.send(body.toBuffer());
                })
                .compose(response -> read(response, keyField, asked))
                .onComplete(ar -> {
                    vertx.cancelTimer(deadline);
                    result.tryComplete(ar.succeeded() ? ar.result() : failed(ar.cause()));
                });
        return result.future().map(r -> {
            metrics.record(endpoint, r, System.nanoTime() - start);
            return r;
        });
    }

    private Future<LookupResult> read(HttpClientResponse response, String keyField, Set<String> asked) {
        return boundedBody(response).map(bytes -> {
            int status = response.statusCode();
            if (status == 429 || status == 503) {
                long now = clock.millis();
                return new LookupResult.Unavailable(Failure.SHED, RetryAfter.millis(response.getHeader("Retry-After"),
                        now, config.defaultRetryAfterSeconds() * 1000L, config.maxRetryAfterSeconds() * 1000L));
            }
            if (status != 200) {
                return new LookupResult.Unavailable(Failure.BAD_STATUS, 0);
            }
            Map<String, StoreColour> colours = bytes == null ? null
                    : reader.read(bytes, keyField, asked, clock.instant().getEpochSecond());
            return colours == null ? new LookupResult.Unavailable(Failure.GARBAGE, 0)
                    : new LookupResult.Colours(colours);
        });
    }

    /** Reads the body up to {@link #MAX_BODY_BYTES}; a longer body gives null (garbage) and resets the stream. */
    private static Future<byte[]> boundedBody(HttpClientResponse response) {
        Promise<byte[]> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        boolean[] tooLong = {false};
        response.exceptionHandler(promise::tryFail);
        response.handler(chunk -> {
            if (tooLong[0]) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                tooLong[0] = true;
                promise.tryComplete(null);
                response.request().reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.endHandler(v -> promise.tryComplete(tooLong[0] ? null : body.getBytes()));
        return promise.future();
    }

    private static LookupResult failed(Throwable cause) {
        boolean timeout = cause instanceof TimeoutException
                || (cause.getMessage() != null && cause.getMessage().toLowerCase().contains("timeout"));
        return new LookupResult.Unavailable(timeout ? Failure.TIMEOUT : Failure.UNREACHABLE, 0);
    }

    private static void checkSize(int size) {
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("a lookup carries 1..200 keys, got " + size);
        }
    }
}
