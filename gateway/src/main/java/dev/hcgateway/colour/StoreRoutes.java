package dev.hcgateway.colour;

import dev.hcgateway.authority.AuthorityClient;
import dev.hcgateway.config.AuthorityConfig;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.config.StoreEndpoint;
import dev.hcgateway.model.SubjectKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which store answers for which issuer: each issuer listed in {@code authority.issuers} has its own, the others go
 * to the default store ({@code authority.url}) when there is one, else to none (offline, on the snapshot). Document
 * lookups go to the store of {@code authority.documentIssuer}, else to the default store.
 */
final class StoreRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRoutes.class);

    private final Map<String, StoreLanes> byIssuer;
    private final StoreLanes fallback;
    private final List<StoreLanes> all = new ArrayList<>();
    private final String documentIssuer;

    StoreRoutes(Vertx vertx, GatewayConfig config, Clock clock, MeterRegistry registry,
                ColourCache<SubjectKey> cache, Consumer<String> issuerSeen) {
        AuthorityConfig authority = config.authority();
        Map<String, StoreLanes> stores = new HashMap<>();
        authority.issuers().forEach((issuer, endpoint) ->
                stores.put(issuer, store(vertx, config, clock, registry, cache, issuerSeen, endpoint, issuer)));
        this.byIssuer = Map.copyOf(stores);
        StoreEndpoint fallbackEndpoint = authority.defaultStore();
        this.fallback = fallbackEndpoint == null ? null : store(vertx, config, clock, registry, cache, issuerSeen,
                fallbackEndpoint, ColourMetrics.DEFAULT_STORE);
        this.documentIssuer = authority.documentIssuer();
        LOG.info("authoritative stores: {} of the issuers {}, {}; identity documents: {}", byIssuer.size(),
                authority.issuers().keySet(), fallback == null ? "no default store (other issuers offline, on the "
                        + "signed snapshot)" : "a default store for the other issuers",
                documentIssuer != null ? "the store of " + documentIssuer
                        : fallback != null ? "the default store" : "no store");
    }

    private StoreLanes store(Vertx vertx, GatewayConfig config, Clock clock, MeterRegistry registry,
                             ColourCache<SubjectKey> cache, Consumer<String> issuerSeen, StoreEndpoint endpoint,
                             String label) {
        StoreLanes store = new StoreLanes(vertx, config.colour(), clock,
                new AuthorityClient(vertx, config.authority(), endpoint, label, clock, registry),
                new ColourMetrics(registry, label), cache, issuerSeen);
        all.add(store);
        return store;
    }

    /** Returns the store of an issuer's codes, or null when it has none. */
    StoreLanes storeOf(String issuer) {
        StoreLanes store = byIssuer.get(issuer);
        return store != null ? store : fallback;
    }

    /** Returns the store that answers document lookups, or null when there is none. */
    StoreLanes documentStore() {
        return documentIssuer != null ? byIssuer.get(documentIssuer) : fallback;
    }

    /** Returns the issuer whose store answers document lookups, or null for the default store. */
    String documentIssuer() {
        return documentIssuer;
    }

    /** Closes every store's client. */
    Future<Void> close() {
        return Future.all(all.stream().map(s -> s.client().close()).toList()).mapEmpty();
    }
}
