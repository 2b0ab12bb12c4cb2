package dev.hcgateway.colour;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.DocumentColour;

import dev.hcgateway.authority.AuthorityClient;
import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.config.ColourConfig;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.Scene;
import dev.hcgateway.policy.SnapshotColour;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Online mode: colours from the authoritative store, cached by subject (and by document hash), misses coalesced
 * and batched, each scan answered within {@code colour.budgetMs}. When the store's word is not had in time, a
 * stand-in decides and says so ({@code degraded}); whatever stands in, a red seen anywhere keeps denying.
 */
public final class OnlineColours implements ColourService {

    static final String SUBJECT = "subject";
    static final String DOCUMENT = "document";

    private final Clock clock;
    private final AuthorityClient client;
    private final ColourMetrics metrics;
    private final ColourLane<String> subjects;
    private final ColourLane<DocumentKey> documents;

    /** Creates the online stage with its own store client; {@code config.authority().url()} must be set. */
    public OnlineColours(Vertx vertx, GatewayConfig config, Clock clock, MeterRegistry registry) {
        this(vertx, config.colour(), clock, registry, new AuthorityClient(vertx, config.authority(), clock, registry));
    }

    OnlineColours(Vertx vertx, ColourConfig config, Clock clock, MeterRegistry registry, AuthorityClient client) {
        this.clock = clock;
        this.client = client;
        this.metrics = new ColourMetrics(registry);
        StoreGuard guard = new StoreGuard(clock, config, registry);
        ColourCache<String> subjectCache = new ColourCache<>(clock, config.maximumSize());
        this.subjects = new ColourLane<>(vertx, SUBJECT, clock, config.budgetMs(), subjectCache,
                new BatchLoader<>(vertx, SUBJECT, config, clock, guard, subjectCache, client::lookupSubjects,
                        s -> s, metrics), metrics);
        ColourCache<DocumentKey> documentCache = new ColourCache<>(clock, config.documentMaximumSize());
        this.documents = new ColourLane<>(vertx, DOCUMENT, clock, config.budgetMs(), documentCache,
                new BatchLoader<>(vertx, DOCUMENT, config, clock, guard, documentCache, client::lookupDocuments,
                        DocumentKey::hash, metrics), metrics);
        for (var lane : List.of(subjects, documents)) {
            Gauge.builder("hc_colour_cache_entries", lane.cache(), ColourCache::size)
                    .description("Colours cached (fresh or kept to stand in)")
                    .tag("kind", lane == subjects ? SUBJECT : DOCUMENT).register(registry);
        }
    }

    @Override
    public Future<ColourAnswer> colourOf(HealthCode code, Scene scene) {
        return subjects.answer(code.subject()).map(answer -> answer instanceof ColourLane.Fresh f
                ? ColourAnswer.of(f.colour().colour(), f.source())
                : standIn(code, scene, (ColourLane.Degraded) answer));
    }

    /**
     * Decides without the store's word. A red wins over everything (a stale cached red, or a red snapshot of any
     * age). Otherwise the newer of the stale cached colour and the snapshot: the cached colour when its
     * {@code asOf} is not older than the snapshot's (or the snapshot is too old for the scene), else the
     * snapshot when fresh enough for the scene, else no colour (the scene's fallback).
     */
    private ColourAnswer standIn(HealthCode code, Scene scene, ColourLane.Degraded d) {
        CachedColour stale = d.stale();
        long now = clock.instant().getEpochSecond();
        ColourAnswer snapshot = SnapshotColour.standIn(code, scene, now, d.why());
        ColourAnswer answer;
        if (stale != null && stale.colour() == Colour.RED) {
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
    public void invalidateLocal(Collection<String> changed) {
        List<String> list = List.copyOf(changed);
        subjects.loader().invalidate(list);
        // A document's subject is known only once answered: keep every document lookup in flight out of the
        // cache, and drop cached documents of these subjects (the document cache is small).
        documents.loader().invalidateAllInFlight();
        Set<String> set = Set.copyOf(list);
        documents.cache().invalidateWhere(c -> c.subject() != null && set.contains(c.subject()));
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }
}
