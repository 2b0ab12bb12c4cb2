package dev.hcgateway.colour;

import dev.hcgateway.authority.AuthorityClient;
import dev.hcgateway.config.ColourConfig;
import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.SubjectKey;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One authoritative store as the colour stage uses it: its own client (and connection pool), guard (breaker, token
 * bucket, in-flight cap, back-off) and metrics, and one lane per issuer it answers for, each with its own
 * coalescing batch loader, since a lookup names one issuer. An issuer's store answers for that issuer only; the
 * default store opens a lane for each issuer it is asked about, and those are the issuers of verified codes (of the
 * trust list), so their number is bounded. Nothing is shared with another store but the cache, which never waits.
 */
final class StoreLanes {

    private final Vertx vertx;
    private final ColourConfig config;
    private final Clock clock;
    private final AuthorityClient client;
    private final StoreGuard guard;
    private final ColourMetrics metrics;
    private final ColourCache<SubjectKey> cache;
    private final Consumer<String> issuerSeen;
    private final ConcurrentHashMap<String, ColourLane<SubjectKey>> lanes = new ConcurrentHashMap<>();

    /**
     * Creates the store's lanes over the shared subject cache.
     *
     * @param issuerSeen told of every issuer before its first lane exists (so that an invalidation under every
     *                   issuer reaches its entries)
     */
    StoreLanes(Vertx vertx, ColourConfig config, Clock clock, AuthorityClient client, ColourMetrics metrics,
               ColourCache<SubjectKey> cache, Consumer<String> issuerSeen) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.client = client;
        this.metrics = metrics;
        this.cache = cache;
        this.issuerSeen = issuerSeen;
        this.guard = new StoreGuard(clock, config, metrics.registry(), metrics.issuer());
    }

    /** Returns the lane of an issuer's subjects, opening it on first use. */
    ColourLane<SubjectKey> lane(String issuer) {
        ColourLane<SubjectKey> lane = lanes.get(issuer); // the hit path: no lambda, no allocation
        return lane != null ? lane : lanes.computeIfAbsent(issuer, this::open);
    }

    private ColourLane<SubjectKey> open(String issuer) {
        issuerSeen.accept(issuer);
        BatchLoader<SubjectKey> loader = new BatchLoader<>(vertx, OnlineColours.SUBJECT, config, clock, guard, cache,
                keys -> client.lookupSubjects(issuer, keys.stream().map(SubjectKey::subject).toList()),
                SubjectKey::subject, metrics);
        return new ColourLane<>(vertx, OnlineColours.SUBJECT, clock, config.budgetMs(), cache, loader, metrics);
    }

    /** Returns a lane of document lookups to this store, over the document cache. */
    ColourLane<DocumentKey> documentLane(ColourCache<DocumentKey> documents) {
        BatchLoader<DocumentKey> loader = new BatchLoader<>(vertx, OnlineColours.DOCUMENT, config, clock, guard,
                documents, client::lookupDocuments, DocumentKey::hash, metrics);
        return new ColourLane<>(vertx, OnlineColours.DOCUMENT, clock, config.budgetMs(), documents, loader, metrics);
    }

    /**
     * Keeps the loads in flight of these keys, all of {@code issuer}, out of the cache and drops their cached
     * colours; nothing when this store has no lane of that issuer (then it has no load of it in flight either).
     */
    void invalidate(String issuer, Collection<SubjectKey> keys) {
        ColourLane<SubjectKey> lane = lanes.get(issuer);
        if (lane != null) {
            lane.loader().invalidate(keys);
        }
    }

    ColourMetrics metrics() {
        return metrics;
    }

    AuthorityClient client() {
        return client;
    }
}
