package dev.hcgateway.hcn1;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.trust.TrustList;

/**
 * Remembers codes whose signature verified, by their exact text, so that a repeat scan skips decode and signature
 * (the gateway's verified-code cache). Only what the signature vouches for is kept, under the trust list that
 * verified it; time, revocation and the scene are judged again on every scan.
 *
 * @param <K> the key a text is remembered by (a digest, computed once per scan)
 */
public interface VerifiedMemo<K> {

    /** Returns the key of a text, or null when the memo remembers nothing (no key is computed then). */
    K key(String text);

    /** Returns the claims an earlier verification of the text keyed {@code key} under {@code list} established, or null. */
    HealthCode find(K key, TrustList list);

    /** Remembers that the text keyed {@code key} verified under a key of {@code list}. */
    void remember(K key, HealthCode code, TrustList list);

    /** Returns the memo that remembers nothing: every scan verifies afresh. */
    static VerifiedMemo<Void> none() {
        return Nothing.NOTHING;
    }

    /** The memo that remembers nothing. */
    enum Nothing implements VerifiedMemo<Void> {
        NOTHING;

        @Override
        public Void key(String text) {
            return null;
        }

        @Override
        public HealthCode find(Void key, TrustList list) {
            return null;
        }

        @Override
        public void remember(Void key, HealthCode code, TrustList list) {
        }
    }
}
