package dev.hcgateway.trust;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable trust list: issuer keys by kid, and DCC signer certificates by kid (several may share one).
 * Replaced whole on reload, never mutated.
 */
public record TrustList(Map<Long, TrustedKey> keys, Map<Long, List<TrustedDsc>> dscs, String source) {

    public TrustList {
        keys = Map.copyOf(Objects.requireNonNull(keys, "keys"));
        dscs = Map.copyOf(Objects.requireNonNull(dscs, "dscs"));
        Objects.requireNonNull(source, "source");
    }

    /** Creates a list of issuer keys only. */
    public TrustList(Map<Long, TrustedKey> keys, String source) {
        this(keys, Map.of(), source);
    }

    /** Builds a list from keys; the kids must be distinct. */
    public static TrustList of(List<TrustedKey> keys, String source) {
        return new TrustList(keys.stream().collect(Collectors.toMap(TrustedKey::kid, Function.identity())), source);
    }

    /** Builds a list from issuer keys (distinct kids) and DSCs (kids may collide). */
    public static TrustList of(List<TrustedKey> keys, List<TrustedDsc> dscs, String source) {
        return new TrustList(keys.stream().collect(Collectors.toMap(TrustedKey::kid, Function.identity())),
                dscs.stream().collect(Collectors.groupingBy(TrustedDsc::kid, Collectors.toUnmodifiableList())),
                source);
    }

    /** Returns every DSC with this kid (an 8-byte kid; any other length finds none). */
    public List<TrustedDsc> findDscs(byte[] kid) {
        return kid.length == 8 ? dscs.getOrDefault(TrustedKey.kidOf(kid), List.of()) : List.of();
    }

    /** Returns the key with this kid, or null. */
    public TrustedKey find(byte[] kid) {
        return keys.get(TrustedKey.kidOf(kid));
    }

    /** Returns how many keys the list holds. */
    public int size() {
        return keys.size();
    }

    /** Returns how many distinct issuers the list holds. */
    public long issuers() {
        return keys.values().stream().map(TrustedKey::issuer).distinct().count();
    }
}
