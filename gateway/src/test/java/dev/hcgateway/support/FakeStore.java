package dev.hcgateway.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server playing the authoritative store (authority API v1), with faults a test switches on:
 * latency, error statuses with {@code Retry-After}, connection resets, garbage bodies, no answer at all.
 * It counts what it gets: requests, batch sizes, requests in flight at once, answers sent.
 */
public final class FakeStore {

    /** How the store answers. */
    public enum Mode {
        NORMAL, RESET, HANG, NOT_JSON, MISSING_ENTRY, DUPLICATE_ENTRY, FOREIGN_ENTRY, BAD_COLOUR, NEGATIVE_TTL,
        FUTURE_AS_OF, AS_OF_AS_TEXT, NO_AS_OF, HUGE_BODY
    }

    /** Colour by subject. */
    public final Map<String, String> colours = new ConcurrentHashMap<>();
    /** Subject and colour by document hash. */
    public final Map<String, String[]> documents = new ConcurrentHashMap<>();
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger answered = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public final List<String> bodies = new CopyOnWriteArrayList<>();
    public volatile long latencyMs;
    public volatile int status = 200;
    public volatile String retryAfter;
    public volatile Mode mode = Mode.NORMAL;
    /** ttlSeconds in answers; null leaves it out. */
    public volatile Long ttlSeconds = 60L;
    /** asOf in answers. */
    public volatile long asOf = 1_795_300_000L;

    private final AtomicInteger inFlight = new AtomicInteger();
    private HttpServer server;

    /** Starts listening on a free port. */
    public Future<FakeStore> start(Vertx vertx) {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            authorizations.add(String.valueOf(req.getHeader("Authorization")));
            bodies.add(body.toString());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            // The answer is read now and delivered after the latency, as a real store reads then the network lags.
            Runnable answer = answer(req, body.toJsonObject());
            // Counted only once the answer is fixed, so a test that waits for the request cannot race the read.
            requests.incrementAndGet();
            if (latencyMs > 0) {
                vertx.setTimer(latencyMs, id -> answer.run());
            } else {
                answer.run();
            }
        }));
        return server.listen(0, "127.0.0.1").map(s -> this);
    }

    /** Returns the base URL. */
    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private Runnable answer(HttpServerRequest req, JsonObject body) {
        Mode now = mode;
        int statusNow = status;
        String retryAfterNow = retryAfter;
        String text = now == Mode.HANG || now == Mode.RESET || statusNow != 200 ? null : colours(req, body);
        return () -> {
            inFlight.decrementAndGet();
            if (now == Mode.HANG) {
                return;
            }
            if (now == Mode.RESET) {
                req.connection().close();
                return;
            }
            if (statusNow != 200) {
                if (retryAfterNow != null) {
                    req.response().putHeader("Retry-After", retryAfterNow);
                }
                req.response().setStatusCode(statusNow).end("{\"error\":\"busy\"}");
            } else {
                req.response().putHeader("Content-Type", "application/json").end(text);
            }
            answered.incrementAndGet();
        };
    }

    private String colours(HttpServerRequest req, JsonObject body) {
        boolean byDocument = req.path().endsWith("lookup-by-document");
        JsonArray asked = body.getJsonArray(byDocument ? "documents" : "subjects");
        batchSizes.add(asked.size());
        JsonArray out = new JsonArray();
        for (Object o : asked) {
            out.add(byDocument ? documentEntry((JsonObject) o) : subjectEntry((String) o));
        }
        return garble(new JsonObject().put("colours", out));
    }

    private JsonObject subjectEntry(String subject) {
        String colour = colours.getOrDefault(subject, "unknown");
        return entry(new JsonObject().put("subject", subject), colour);
    }

    private JsonObject documentEntry(JsonObject asked) {
        String hash = asked.getString("hash");
        String[] known = documents.get(hash);
        JsonObject e = new JsonObject().put("hash", hash);
        if (known == null) {
            return e.put("colour", "unknown");
        }
        return entry(e.put("subject", known[0]), known[1]);
    }

    private JsonObject entry(JsonObject e, String colour) {
        e.put("colour", colour);
        if (!colour.equals("unknown")) {
            e.put("asOf", asOf);
            if (ttlSeconds != null) {
                e.put("ttlSeconds", ttlSeconds);
            }
        }
        return e;
    }

    private String garble(JsonObject answer) {
        JsonArray list = answer.getJsonArray("colours");
        JsonObject first = list.getJsonObject(0);
        switch (mode) {
            case NOT_JSON -> {
                return "<html>gateway timeout</html>";
            }
            case MISSING_ENTRY -> list.remove(0);
            case DUPLICATE_ENTRY -> list.add(first.copy());
            case FOREIGN_ENTRY -> first.put(first.containsKey("hash") ? "hash" : "subject", "s-someone-else");
            case BAD_COLOUR -> first.put("colour", "purple");
            case NEGATIVE_TTL -> first.put("colour", "green").put("asOf", asOf).put("ttlSeconds", -5);
            case FUTURE_AS_OF -> first.put("colour", "green").put("asOf", asOf + 86_400);
            case AS_OF_AS_TEXT -> first.put("colour", "green").put("asOf", String.valueOf(asOf));
            case NO_AS_OF -> first.put("colour", "green").remove("asOf");
            case HUGE_BODY -> {
                return answer.encode() + " ".repeat(300 * 1024);
            }
            default -> {
            }
        }
        return answer.encode();
    }

    /** Stops listening. */
    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
