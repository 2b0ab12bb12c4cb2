package dev.hcgateway.pipeline;

import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.IdentityDocument;
import dev.hcgateway.model.DccVerdict;
import dev.hcgateway.model.DccCertificate;

import dev.hcgateway.code.CodeDecoder;
import dev.hcgateway.code.Es256Verifier;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.code.TimeRules;
import dev.hcgateway.model.Colour;
import dev.hcgateway.colour.ColourService;
import dev.hcgateway.model.Validation.Valid;
import dev.hcgateway.model.Scene;
import dev.hcgateway.dcc.DccDecoder;
import dev.hcgateway.dcc.DccJudge;
import dev.hcgateway.dcc.Ps256Verifier;
import dev.hcgateway.format.CodeFormats;
import dev.hcgateway.format.Decoded;
import dev.hcgateway.format.Hcn1Format;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.trust.TrustStore;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustedKey;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one credential. A code in the order of the health-code spec, section 3: decode, trust, signature, time
 * and revocation in memory ({@link #validate}); then the colour stage and the scene's policy ({@link #verify}).
 * An identity document takes the same colour stage and policy ({@link #verifyDocument}).
 * Thread-safe; the in-memory part runs on the calling thread (an event loop: ~0.1 ms of native ECDSA).
 */
public final class VerifyPipeline {

    private static final Map<Reason, Rejection> REJECTIONS = new EnumMap<>(Reason.class);
    /** An international code past its validity: grey, as the international version turned (spec additions). */
    private static final Rejection GREY = new Rejection(Reason.EXPIRED, Colour.GREY);

    static {
        for (Reason r : Reason.values()) {
            if (r != Reason.OK) {
                REJECTIONS.put(r, new Rejection(r));
            }
        }
    }

    private final CodeFormats formats;
    private final DccJudge dcc;
    private final TrustStore trust;
    private final Es256Verifier verifier;
    private final RevocationStore revocations;
    private final ColourService colours;
    private final ScenePolicy policy;
    private final Clock clock;
    private final TimeRules time;
    private final CryptoPlacement placement;
    private final VerifiedCodes verified;

    /** Creates the pipeline from its stages, running the in-memory steps inline. */
    public VerifyPipeline(CodeDecoder decoder, TrustStore trust, Es256Verifier verifier, RevocationStore revocations,
                          ColourService colours, ScenePolicy policy, Clock clock, TimeRules time) {
        this(decoder, trust, verifier, revocations, colours, policy, clock, time, null);
    }

    /** Creates the pipeline from its stages, running the in-memory steps where {@code placement} says (null: inline). */
    public VerifyPipeline(CodeDecoder decoder, TrustStore trust, Es256Verifier verifier, RevocationStore revocations,
                          ColourService colours, ScenePolicy policy, Clock clock, TimeRules time,
                          CryptoPlacement placement) {
        this(decoder, trust, verifier, revocations, colours, policy, clock, time, placement, VerifiedCodes.off());
    }

    /** Creates the pipeline with a cache of recently verified codes ({@link VerifiedCodes#off()}: none). */
    public VerifyPipeline(CodeDecoder decoder, TrustStore trust, Es256Verifier verifier, RevocationStore revocations,
                          ColourService colours, ScenePolicy policy, Clock clock, TimeRules time,
                          CryptoPlacement placement, VerifiedCodes verified) {
        this.verified = java.util.Objects.requireNonNull(verified, "verified");
        this.placement = placement == null ? CryptoPlacement.INLINE : placement;
        this.time = java.util.Objects.requireNonNull(time, "time");
        // The one place that lists the formats: HCN1 and the EU DCC, told apart by prefix (docs/dcc.md).
        this.formats = new CodeFormats(List.of(new Hcn1Format(decoder), new DccDecoder()));
        this.dcc = new DccJudge(trust, verifier, new Ps256Verifier(verifier.provider().provider()), revocations,
                time.skewSeconds());
        this.trust = trust;
        this.verifier = verifier;
        this.revocations = revocations;
        this.colours = colours;
        this.policy = policy;
        this.clock = clock;
    }

    /** Judges a scanned text at a scene; never fails (every fault of the code is a rejection). */
    public Future<Outcome> verify(String text, Scene scene) {
        if (placement != CryptoPlacement.INLINE) {
            return placement.run(() -> validate(text, scene)).compose(validation -> judge(validation, scene));
        }
        return judge(validate(text, scene), scene);
    }

    /** Judges an identity document at a scene: its colour by keyed hash, then the same policy as a code's. */
    public Future<Outcome> verifyDocument(DocumentType type, DocumentKey document, Scene scene) {
        return colours.colourOfDocument(document).map(found -> policy.decide(scene,
                new IdentityDocument(type, document, found.subject()), found.answer()));
    }

    private Future<Outcome> judge(Validation validation, Scene scene) {
        if (validation instanceof Rejection rejection) {
            return Future.succeededFuture(rejection);
        }
        if (validation instanceof DccVerdict verdict) {
            return Future.succeededFuture(verdict);
        }
        HealthCode code = ((Valid) validation).code();
        return colours.colourOf(code, scene).map(answer -> policy.decide(scene, code, answer));
    }

    /**
     * Runs steps 1 to 5, all in memory (a DCC, having no colour stage, is decided whole here). A text whose
     * signature verified recently under the current trust list skips decode and signature.
     */
    public Validation validate(String text, Scene scene) {
        VerifiedCodes.TextDigest digest = verified.digest(text);
        HealthCode known = verified.find(digest, trust.current());
        if (known != null) {
            // The issuer check is per scene, so it runs on every scan; the key-to-issuer match held when cached.
            return scene.accepts(known.issuer()) ? afterSignature(known, scene) : reject(Reason.ISSUER_NOT_ACCEPTED);
        }
        Decoded decoding = formats.decode(text);
        if (decoding instanceof Decoded.Refused refused) {
            return reject(refused.reason());
        }
        Decoded.Signed<?> decoded = (Decoded.Signed<?>) decoding;
        if (decoded.claims() instanceof DccCertificate certificate) {
            return dcc.judge(decoded, certificate, scene, clock.instant());
        }
        HealthCode code = (HealthCode) decoded.claims();
        TrustList list = trust.current();
        TrustedKey key = list.find(decoded.kid());
        if (key == null) {
            return reject(Reason.UNKNOWN_KEY);
        }
        if (!key.issuer().equals(code.issuer())) {
            return reject(Reason.ISSUER_MISMATCH);
        }
        if (!scene.accepts(code.issuer())) {
            return reject(Reason.ISSUER_NOT_ACCEPTED);
        }
        if (!verifier.verify(key.key(), decoded.toBeSigned(), decoded.signature())) {
            return reject(Reason.BAD_SIGNATURE);
        }
        verified.remember(digest, code, list);
        return afterSignature(code, scene);
    }

    /** Runs the steps after the signature (time, grey, revocation), on every scan, cached or not. */
    private Validation afterSignature(HealthCode code, Scene scene) {
        Reason late = time.check(code, clock.instant().getEpochSecond(), scene.maxCodeAgeSeconds());
        if (late == Reason.EXPIRED && code.kind() == CodeKind.INTERNATIONAL) {
            return GREY;
        }
        if (late != null) {
            return reject(late);
        }
        if (revocations.isRevoked(code)) {
            return reject(Reason.REVOKED);
        }
        // The answer's expiresAt is the instant this gateway stops accepting the code, not a later signed exp.
        return new Valid(code.validUntil(time.validUntil(code)));
    }

    private static Rejection reject(Reason reason) {
        return REJECTIONS.get(reason);
    }
}
