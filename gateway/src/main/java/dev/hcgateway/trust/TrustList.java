package dev.hcgateway.trust;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable trust list: issuer keys by kid. Replaced whole on reload, never mutated. */
public record TrustList(Map<Long, TrustedKey> keys, String source) {

    public TrustList {
        keys = Map.copyOf(Objects.requireNonNull(keys, "keys"));
        Objects.requireNonNull(source, "source");
    }

    /** Builds a list from keys; the kids must be distinct. */
    public static TrustList of(List<TrustedKey> keys, String source) {
        return new TrustList(keys.stream().collect(Collectors.toMap(TrustedKey::kid, Function.identity())), source);
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
