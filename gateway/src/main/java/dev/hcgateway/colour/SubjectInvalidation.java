package dev.hcgateway.colour;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.SubjectKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drops cached subject colours by {@code (issuer, subject)}. An invalidation under every issuer reaches the subject
 * under each issuer the cache may hold (the issuers of every lane opened and of every remembered red: issuers of
 * verified codes, so a bounded set); one under an issuer reaches that issuer's entry. Either also drops a red
 * remembered for the subject under every issuer (read from a file of a gateway that keyed subjects alone).
 */
final class SubjectInvalidation {

    private final ColourCache<SubjectKey> cache;
    private final Set<String> issuers = ConcurrentHashMap.newKeySet();

    SubjectInvalidation(ColourCache<SubjectKey> cache) {
        this.cache = cache;
    }

    /** Records that the cache may hold colours of this issuer (or {@code *}, for reds under every issuer). */
    void issuerSeen(String issuer) {
        issuers.add(issuer);
    }

    /** Drops the colours these keys reach; the loads in flight of each issuer's lane are kept out of the cache. */
    void apply(Collection<SubjectKey> changed, StoreRoutes routes) {
        Map<String, List<SubjectKey>> byIssuer = new LinkedHashMap<>();
        List<SubjectKey> everyIssuer = new ArrayList<>();
        for (SubjectKey key : changed) {
            if (key.everyIssuer()) {
                for (String issuer : issuers) {
                    if (!issuer.equals(SubjectKey.EVERY_ISSUER)) {
                        byIssuer.computeIfAbsent(issuer, i -> new ArrayList<>()).add(new SubjectKey(issuer, key.subject()));
                    }
                }
            } else {
                byIssuer.computeIfAbsent(key.issuer(), i -> new ArrayList<>()).add(key);
            }
            everyIssuer.add(SubjectKey.everyIssuer(key.subject()));
        }
        byIssuer.forEach((issuer, keys) -> {
            StoreLanes store = routes.storeOf(issuer);
            if (store != null) {
                store.invalidate(issuer, keys); // flags the loads in flight, then drops the entries
            }
            cache.invalidateAll(keys); // entries of an issuer without a lane (remembered reds)
        });
        if (issuers.contains(SubjectKey.EVERY_ISSUER)) {
            cache.invalidateAll(everyIssuer);
        }
    }

    /** Tells whether a red is remembered for this subject under every issuer (only ever read when degraded). */
    boolean redUnderEveryIssuer(String subject) {
        if (!issuers.contains(SubjectKey.EVERY_ISSUER)) {
            return false;
        }
        CachedColour red = cache.get(SubjectKey.everyIssuer(subject));
        return red != null && red.colour() == Colour.RED;
    }
}
