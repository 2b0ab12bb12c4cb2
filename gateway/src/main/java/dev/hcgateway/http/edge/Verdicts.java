package dev.hcgateway.http.edge;

import dev.hcgateway.answer.OutcomeJson;
import dev.hcgateway.http.ApiServices;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Unjudged;
import dev.hcgateway.passback.Passback;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last three steps of the {@link Edge}: judge what a request asks, record every judged credential (passback,
 * counts, the passage, before the answer is written), and answer in the one verify shape. A verdict that comes
 * after the request was answered (its deadline) is neither counted nor recorded.
 */
final class Verdicts {

    private static final Logger LOG = LoggerFactory.getLogger(Verdicts.class);
    /** The answer of a credential whose judging failed inside the gateway: the gate stays shut, staff check. */
    private static final Outcome UNJUDGED = new Unjudged();

    private final ApiServices services;

    Verdicts(ApiServices services) {
        this.services = services;
    }

    /** Judges what the request asks and answers it; returns its in-flight slots when the verdict is in. */
    void judge(Exchange exchange, Asked asked) {
        var pipeline = exchange.judge.pipeline();
        if (asked instanceof Asked.Code c) {
            attempt(() -> pipeline.verify(c.text(), c.scene())).onComplete(ar -> one(exchange, c.scene(), ar));
        } else if (asked instanceof Asked.Document d) {
            attempt(() -> pipeline.verifyDocument(d.type(), d.document(), d.scene()))
                    .onComplete(ar -> one(exchange, d.scene(), ar));
        } else if (asked instanceof Asked.Codes batch) {
            List<Future<Outcome>> slots = new ArrayList<>(batch.texts().size());
            Instant at = batch.at();
            for (String text : batch.texts()) {
                slots.add(attempt(() -> at == null ? pipeline.verify(text, batch.scene())
                        : pipeline.verify(text, batch.scene(), at)).otherwise(e -> {
                    // Never log the code itself: only that one slot could not be judged.
                    LOG.error("a credential could not be judged; answering manual for it", e);
                    if (exchange.judge.counted()) {
                        services.metrics().refused(exchange.route.path(), "internal");
                    }
                    return UNJUDGED;
                }));
            }
            // All started in the same tick, so that the colour stage can coalesce their store lookups.
            Future.all(slots).onComplete(ar -> {
                exchange.release();
                many(exchange, batch.scene(), at != null, slots.stream().map(Future::result).toList());
            });
        } else {
            exchange.release();
            exchange.fail(new IllegalStateException("nothing to judge in " + asked.getClass().getSimpleName()));
        }
    }

    private void one(Exchange exchange, Scene scene, AsyncResult<Outcome> ar) {
        exchange.release();
        if (exchange.over()) {
            return; // answered meanwhile (its deadline): the late verdict is dropped, not written twice
        }
        if (ar.failed()) {
            exchange.fail(ar.cause());
            return;
        }
        exchange.answer(OutcomeJson.buffer(record(exchange, scene, false, ar.result())));
    }

    private void many(Exchange exchange, Scene scene, boolean ahead, List<Outcome> outcomes) {
        if (exchange.over()) {
            return;
        }
        JsonArray results = new JsonArray(new ArrayList<>(outcomes.size()));
        for (Outcome outcome : outcomes) {
            // A slot the gateway failed to judge was counted as refused, and leaves no passage.
            results.add(OutcomeJson.of(outcome instanceof Unjudged ? outcome : record(exchange, scene, ahead,
                    outcome)));
        }
        exchange.answer(new JsonObject().put("results", results).toBuffer());
    }

    /**
     * Records an outcome at the one place every judged credential passes: passback (one person at one place at a
     * time; a re-read of the same code at the same gate answers as before and leaves no new passage), then the
     * count and the passage. Returns what to answer. The warm-up's synthetic requests leave none of these; a ticket
     * checked ahead ({@code ahead}: judged as of its departure) is counted only, since nobody passed anywhere.
     */
    private Outcome record(Exchange exchange, Scene scene, boolean ahead, Outcome judged) {
        if (!exchange.judge.counted()) {
            return judged;
        }
        if (ahead) {
            services.metrics().judged(exchange.route.path(), scene.name(), judged, System.nanoTime() - exchange.head);
            return judged;
        }
        Passback.Applied applied = services.passback().apply(scene, exchange.gate, judged);
        Outcome outcome = applied.outcome();
        services.metrics().judged(exchange.route.path(), scene.name(), outcome, System.nanoTime() - exchange.head);
        if (!applied.reread()) {
            services.passages().record(exchange.gate, scene.name(), outcome);
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
