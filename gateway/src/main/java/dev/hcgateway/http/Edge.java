package dev.hcgateway.http;

import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Unjudged;
import dev.hcgateway.passback.Passback;
import dev.hcgateway.answer.OutcomeJson;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one edge every judged request passes, whatever its route: its gate resolved (the client certificate's under
 * mTLS, 403 {@code gate_mismatch} when the body contradicts it), charged to its gate's and address's rate limits
 * (429 {@code rate_limited}), admitted against the in-flight bound, judged by the pipeline, timed from its head,
 * counted, recorded as a passage (before its answer is written), and answered in the one verify shape. A route
 * says only how it reads its input (body, image, document) and calls these.
 * The way vertx-http-proxy composes interceptors around one exchange, without the indirection.
 */
final class Edge {

    private static final Logger LOG = LoggerFactory.getLogger(Edge.class);
    /** The answer of a credential whose judging failed inside the gateway: the gate stays shut, staff check. */
    private static final Outcome UNJUDGED = new Unjudged();

    private final ApiServices services;

    Edge(ApiServices services) {
        this.services = services;
    }

    /**
     * One judged request: its route (a bounded metric label), when its head arrived, its scene and gate.
     *
     * @param gate the gate that asked, or null (no passage is recorded without one)
     */
    record Judging(String route, long headNanos, Scene scene, String gate) {
    }

    /**
     * Enters a request into the edge: resolves its gate ({@link GateIdentity}) and charges {@code credentials}
     * tokens (a batch's codes, else 1) to the gate's bucket of its scene and to its address's ({@link RateLimits}).
     * Runs before any costly work of the route (an image's body, a batch's verifies).
     *
     * @param bodyGate the gate the request names, or null
     * @return the judging of the request, naming the certificate's gate when there is one
     * @throws ApiError.ApiException 503 {@code not_ready} ({@link JudgeGate}), 403 {@code gate_mismatch} or 429
     *                                {@code rate_limited} (with Retry-After)
     */
    Judging enter(String route, long headNanos, HttpServerRequest request, Scene scene, String bodyGate,
                  int credentials) {
        JudgeGate.check(services.revocations()); // first: nothing is judged without a revocation set to judge by
        String gate = GateIdentity.resolve(request.connection(), bodyGate, services.config().http().tls());
        long wait = services.rateLimits().tryAcquire(scene.name(), gate, address(request), credentials);
        if (wait > 0) {
            throw RateLimits.refusal(wait).exception();
        }
        return new Judging(route, headNanos, scene, gate);
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** Admits {@code credentials} to be judged, or throws the 503 {@code overloaded} refusal. */
    Admitted admit(int credentials) {
        int permits = Math.min(credentials, services.config().http().maxInFlight()); // a batch always fits
        services.admission().admit(permits);
        return new Admitted(permits);
    }

    /** Slots taken by {@link #admit}; released once, however often {@link #release} is called. */
    final class Admitted {
        private int permits;

        private Admitted(int permits) {
            this.permits = permits;
        }

        void release() {
            if (permits > 0) {
                services.admission().release(permits);
                permits = 0;
            }
        }
    }

    /** Judges a scanned text; fails only on a fault inside the gateway (every fault of the code is an outcome). */
    Future<Outcome> judge(Judging judging, String text) {
        return attempt(() -> services.pipeline().verify(text, judging.scene()));
    }

    /** Judges an identity document by its keyed hash. */
    Future<Outcome> judge(Judging judging, DocumentType type, DocumentKey document) {
        return attempt(() -> services.pipeline().verifyDocument(type, document, judging.scene()));
    }

    /** Judges a text as one slot of a larger answer: never fails, a fault inside answers {@link Unjudged}. */
    Future<Outcome> judgeSlot(Judging judging, String text) {
        return judge(judging, text).otherwise(e -> {
            // Never log the code itself: only that one slot could not be judged.
            LOG.error("a credential could not be judged; answering manual for it", e);
            services.metrics().refused(judging.route(), "internal");
            return UNJUDGED;
        });
    }

    /**
     * Answers one judged credential, unless the request was answered already (its deadline): counts the outcome,
     * records its passage, then writes the answer. A verdict that comes too late is neither counted nor recorded.
     */
    void answer(HttpServerResponse response, Judging judging, Outcome outcome) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        Answers.json(response, OutcomeJson.buffer(settle(judging, outcome)));
    }

    /** Answers a batch in request order, each slot counted and recorded as {@link #answer} does one. */
    void answer(HttpServerResponse response, Judging judging, List<Outcome> outcomes) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        JsonArray results = new JsonArray(new ArrayList<>(outcomes.size()));
        for (Outcome outcome : outcomes) {
            // A slot the gateway failed to judge was counted as refused, and leaves no passage.
            results.add(OutcomeJson.of(outcome instanceof Unjudged ? outcome : settle(judging, outcome)));
        }
        Answers.json(response, new JsonObject().put("results", results));
    }

    /**
     * Settles an outcome at the one place every judged credential passes: passback (one person at one place at a
     * time; a re-read of the same code at the same gate answers as before and leaves no new passage), then the
     * count and the passage. Returns what to answer.
     */
    private Outcome settle(Judging judging, Outcome judged) {
        Outcome outcome = judged;
        boolean reread = false;
        if (services.passback() != null) {
            Passback.Applied applied = services.passback().apply(judging.scene(), judging.gate(), judged);
            outcome = applied.outcome();
            reread = applied.reread();
        }
        services.metrics().judged(judging.route(), judging.scene().name(), outcome,
                System.nanoTime() - judging.headNanos());
        if (!reread) {
            services.recorder().record(judging.gate(), judging.scene().name(), outcome);
        }
        return outcome;
    }

    private static Future<Outcome> attempt(Supplier<Future<Outcome>> judging) {
        try {
            return judging.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
