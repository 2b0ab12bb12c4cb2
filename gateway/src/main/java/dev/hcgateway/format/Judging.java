package dev.hcgateway.format;

import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.model.Scene;
import dev.hcgateway.trust.TrustList;
import java.time.Instant;
import java.util.Objects;

/**
 * What a judge needs besides the code, all held in memory: the trust list in force (an immutable snapshot), the
 * revocations, the scene, and the instant the time rules are judged at. That instant is "now" for a scan at a
 * gate; a ticket checked ahead is judged as of its departure, while its colour is still the colour of now.
 *
 * @param at the instant of the time rules: expiry, validity bounds, screenshot age, signer and DCC rule dates
 */
public record Judging(TrustList trust, RevocationLookup revocations, Scene scene, Instant at) {

    public Judging {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(at, "at");
    }
}
