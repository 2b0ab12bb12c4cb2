package dev.hcgateway.colour;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.DocumentColour;
import dev.hcgateway.model.Degradation;

import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.SubjectKey;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.Scene;
import dev.hcgateway.policy.SnapshotColour;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Online mode: colours from the authoritative stores, each code's from its issuer's store ({@link StoreRoutes}),
 * cached by {@code (issuer, subject)} (and by document hash), misses coalesced and batched per issuer, each scan
 * answered within {@code colour.budgetMs}. When the store's word is not had in time, a stand-in decides and says so
 * ({@code degraded}); whatever stands in, a red seen anywhere keeps denying. A code whose issuer has no store is
 * judged on its signed snapshot, as in offline mode.
 */
public final class OnlineColours implements ColourService {

    static final String SUBJECT = "subject";
    static final String DOCUMENT = "document";

    private final Clock clock;
    private final StoreRoutes routes;
    private final ColourCache<SubjectKey> subjects;
    private final ColourCache<DocumentKey> documentCache;
    private final ColourLane<DocumentKey> documents;
    private final SubjectInvalidation invalidation;

    /** Creates the online stage with a client per configured store; {@code config.authority().online()} must hold. */
    public OnlineColours(Vertx vertx, GatewayConfig config, Clock clock, MeterRegistry registry) {
        if (!config.authority().online()) {
            throw new IllegalArgumentException("no authoritative store configured");
        }
        this.clock = clock;
        this.subjects = new ColourCache<>(clock, config.colour().maximumSize());
        this.documentCache = new ColourCache<>(clock, config.colour().documentMaximumSize());
        this.invalidation = new SubjectInvalidation(subjects);
        this.routes = new StoreRoutes(vertx, config, clock, registry, subjects, invalidation::issuerSeen);
        StoreLanes documentStore = routes.documentStore();
        this.documents = documentStore == null ? null : documentStore.documentLane(documentCache);
        Gauge.builder("hc_colour_cache_entries", subjects, ColourCache::size)
                .description("Colours cached (fresh or kept to stand in)").tag("kind", SUBJECT).register(registry);
        Gauge.builder("hc_colour_cache_entries", documentCache, ColourCache::size)
                .description("Colours cached (fresh or kept to stand in)").tag("kind", DOCUMENT).register(registry);
    }

    @Override
    public Future<ColourAnswer> colourOf(HealthCode code, Scene scene) {
        StoreLanes store = routes.storeOf(code.issuer());
        if (store == null) { // no store for this issuer: offline, on the signed snapshot
            return Future.succeededFuture(SnapshotColour.of(code, scene, clock.instant().getEpochSecond()));
        }
        return store.lane(code.issuer()).answer(new SubjectKey(code.issuer(), code.subject()))
                .map(answer -> answer instanceof ColourLane.Fresh f
                        ? ColourAnswer.of(f.colour().colour(), f.source())
                        : standIn(code, scene, (ColourLane.Degraded) answer, store.metrics()));
    }

    /**
     * Decides without the store's word. A red wins over everything (a stale cached red, a red remembered for the
     * subject under every issuer, or a red snapshot of any age). Otherwise the newer of the stale cached colour and
     * the snapshot: the cached colour when its {@code asOf} is not older than the snapshot's (or the snapshot is too
     * old for the scene), else the snapshot when fresh enough for the scene, else no colour (the scene's fallback).
     */
    private ColourAnswer standIn(HealthCode code, Scene scene, ColourLane.Degraded d, ColourMetrics metrics) {
        CachedColour stale = d.stale();
        long now = clock.instant().getEpochSecond();
        ColourAnswer snapshot = SnapshotColour.standIn(code, scene, now, d.why());
        ColourAnswer answer;
        if ((stale != null && stale.colour() == Colour.RED) || invalidation.redUnderEveryIssuer(code.subject())) {
            answer = ColourAnswer.degraded(Colour.RED, ColourSource.CACHE, d.why());
        } else if (code.colour() == Colour.RED) {
            answer = ColourAnswer.degraded(Colour.RED, ColourSource.CODE, d.why());
        } else if (stale != null && (stale.asOf() >= code.colourAsOf() || snapshot.colour() == null)) {
            answer = ColourAnswer.degraded(stale.colour(), ColourSource.CACHE, d.why());
        } else {
            answer = snapshot;
        }
        metrics.degraded(SUBJECT, d.why(), answer.source() == null ? "none" : answer.source().wire());
        return answer;
    }

    @Override
    public Future<DocumentColour> colourOfDocument(DocumentKey document) {
        if (documents == null) {
            return Future.succeededFuture(DocumentColour.unavailable(Degradation.OFFLINE));
        }
        ColourMetrics metrics = routes.documentStore().metrics();
        return documents.answer(document).map(answer -> {
            if (answer instanceof ColourLane.Fresh f) {
                return new DocumentColour(ColourAnswer.of(f.colour().colour(), f.source()), f.colour().subject());
            }
            // No snapshot for a document: a cached colour within its stale bound (reds longer), else none.
            ColourLane.Degraded d = (ColourLane.Degraded) answer;
            metrics.degraded(DOCUMENT, d.why(), d.stale() == null ? "none" : "cache");
            return d.stale() == null ? DocumentColour.unavailable(d.why())
                    : new DocumentColour(ColourAnswer.degraded(d.stale().colour(), ColourSource.CACHE, d.why()),
                    d.stale().subject());
        });
    }

    @Override
    public void invalidateLocal(Collection<SubjectKey> changed) {
        invalidation.apply(changed, routes);
        if (documents != null) {
            // A document's subject is known only once answered: keep every document lookup in flight out of the
            // cache, and drop cached documents of these subjects (the document cache is small). The documents'
            // store may be the default one, whose answers name no issuer: a subject under any issuer matches.
            documents.loader().invalidateAllInFlight();
            String issuer = routes.documentIssuer();
            Set<String> reached = changed.stream()
                    .filter(k -> issuer == null || k.everyIssuer() || k.issuer().equals(issuer))
                    .map(SubjectKey::subject).collect(Collectors.toSet());
            if (!reached.isEmpty()) {
                documentCache.invalidateWhere(c -> c.subject() != null && reached.contains(c.subject()));
            }
        }
    }

    @Override
    public List<RememberedRed> reds() {
        List<RememberedRed> reds = new ArrayList<>();
        subjects.forEach((key, c) -> {
            if (c.colour() == Colour.RED) {
                reds.add(new RememberedRed(key, c.asOf(), c.keepUntilMillis()));
            }
        });
        return reds;
    }

    @Override
    public void remember(List<RememberedRed> reds) {
        long now = clock.millis();
        for (RememberedRed red : reds) {
            // Never fresh (the store is asked again), but kept to stand in: a red the store gave still denies.
            if (red.keepUntilMillis() > now && subjects.get(red.key()) == null) {
                invalidation.issuerSeen(red.key().issuer());
                subjects.put(red.key(), new CachedColour(Colour.RED, red.asOf(), null, now, red.keepUntilMillis()));
            }
        }
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public Future<Void> close() {
        return routes.close();
    }
}
