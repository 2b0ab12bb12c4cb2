package dev.hcgateway.bundle;

import dev.hcgateway.trust.TrustList;
import java.util.Objects;

/**
 * A signed bundle as served, with what it was built from, so that the cache knows when it is out of date.
 *
 * @param bytes    the COSE_Sign1, as {@code GET /v1/offline/bundle} answers it
 * @param etag     its entity tag (quoted): a digest of the bytes
 * @param issuedAt its {@code issuedAt}, epoch seconds
 * @param revision the revocation store's {@code revision()} read before its revocations were
 * @param trust    the trust list in force when it was built
 */
public record BuiltBundle(byte[] bytes, String etag, long issuedAt, long revision, TrustList trust) {

    public BuiltBundle {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(etag, "etag");
    }
}
