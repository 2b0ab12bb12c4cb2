package dev.hcgateway.pipeline;

import dev.hcgateway.colour.ColourService;
import dev.hcgateway.format.Judging;
import dev.hcgateway.judge.CodeJudge;
import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.IdentityDocument;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Validation;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.trust.TrustList;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Judges one credential. A code: in memory, its format's decoder and judge ({@link #validate}: decode, trust,
 * signature, time and revocation); then, for a valid code that carries a colour, the colour stage and the scene's
 * policy ({@link #verify}). An identity document takes the same colour stage and policy ({@link #verifyDocument}).
 * Thread-safe; the in-memory part runs where its {@link CryptoPlacement} says (inline: ~0.1 ms of native ECDSA).
 * Built by {@link PipelineBuilder}.
 */
public final class VerifyPipeline {

    private final CodeJudge formats;
    private final Supplier<TrustList> trust;
    private final RevocationLookup revocations;
    private final ColourService colours;
    private final ScenePolicy policy;
    private final Clock clock;
    private final CryptoPlacement placement;

    VerifyPipeline(CodeJudge formats, Supplier<TrustList> trust, RevocationLookup revocations, ColourService colours,
                   ScenePolicy policy, Clock clock, CryptoPlacement placement) {
        this.formats = formats;
        this.trust = trust;
        this.revocations = revocations;
        this.colours = colours;
        this.policy = policy;
        this.clock = clock;
        this.placement = placement;
    }

    /** Returns a builder: the one place a pipeline and its formats are wired. */
    public static PipelineBuilder builder() {
        return new PipelineBuilder();
    }

    /** Judges a scanned text at a scene, now; never fails (every fault of the code is a rejection). */
    public Future<Outcome> verify(String text, Scene scene) {
        return verify(text, scene, clock.instant());
    }

    /**
     * Judges a scanned text at a scene with its time rules as of {@code at} (a departure time for a ticket checked
     * ahead), and its colour as of now; never fails.
     */
    public Future<Outcome> verify(String text, Scene scene, Instant at) {
        if (placement != CryptoPlacement.INLINE) {
            return placement.run(() -> validate(text, scene, at)).compose(validation -> decide(validation, scene));
        }
        return decide(validate(text, scene, at), scene);
    }

    /** Judges an identity document at a scene: its colour by keyed hash, then the same policy as a code's. */
    public Future<Outcome> verifyDocument(DocumentType type, DocumentKey document, Scene scene) {
        return colours.colourOfDocument(document).map(found -> policy.decide(scene,
                new IdentityDocument(type, document, found.subject()), found.answer()));
    }

    /** Runs the in-memory judgement now (a DCC, having no colour stage, is decided whole here). */
    public Validation validate(String text, Scene scene) {
        return validate(text, scene, clock.instant());
    }

    /** Runs the in-memory judgement with the time rules as of {@code at}, under the trust list in force. */
    public Validation validate(String text, Scene scene, Instant at) {
        return formats.judge(text, new Judging(trust.get(), revocations, scene, at));
    }

    private Future<Outcome> decide(Validation validation, Scene scene) {
        if (validation instanceof Validation.Valid valid) {
            HealthCode code = valid.code();
            return colours.colourOf(code, scene).map(answer -> policy.decide(scene, code, answer));
        }
        return Future.succeededFuture((Outcome) validation); // a rejection, or a DCC's verdict: decided in memory
    }
}
