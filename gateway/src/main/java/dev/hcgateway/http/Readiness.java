package dev.hcgateway.http;

import dev.hcgateway.colour.ColourService;
import dev.hcgateway.http.warmup.Warmup;
import dev.hcgateway.passback.SightingShare;
import dev.hcgateway.revocation.MirrorState;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.truststore.TrustStore;
import io.vertx.core.json.JsonObject;

/**
 * Tells whether this gateway should get traffic: trust list loaded, revocation mirror fit to judge by, warmed up
 * ({@link Warmup}), not shutting down. Redis and the store are reported but do not fail readiness while the gateway can still judge
 * (mirror within its staleness bound, snapshot fallback): failing on them would flap every pod at once.
 */
public final class Readiness {

    private final TrustStore trust;
    private final RevocationStore revocations;
    private final ColourService colours;
    private final SightingShare sightings;
    private final Warmup warmup;
    private volatile boolean shuttingDown;

    /** Creates the check over the stages it depends on; passback detection reported per gateway, no warm-up. */
    public Readiness(TrustStore trust, RevocationStore revocations, ColourService colours) {
        this(trust, revocations, colours, SightingShare.LOCAL, Warmup.NONE);
    }

    /** Creates the check; {@code sightings} tells whether passback detection spans the fleet (reported only). */
    public Readiness(TrustStore trust, RevocationStore revocations, ColourService colours, SightingShare sightings,
                     Warmup warmup) {
        this.trust = trust;
        this.revocations = revocations;
        this.colours = colours;
        this.sightings = sightings;
        this.warmup = warmup;
    }

    /** Marks the gateway as shutting down: readiness fails from now on. */
    public void shutdown() {
        shuttingDown = true;
    }

    /** Returns the readiness report; {@code ready} says whether to send traffic here. */
    public JsonObject report() {
        MirrorState mirror = revocations.state();
        boolean trustLoaded = trust.current() != null;
        boolean ready = trustLoaded && mirror.serving() && warmup.done() && !shuttingDown;
        JsonObject json = new JsonObject()
                .put("ready", ready)
                .put("shuttingDown", shuttingDown)
                .put("trustList", new JsonObject().put("loaded", trustLoaded)
                        .put("keys", trustLoaded ? trust.current().size() : 0)
                        .put("problem", trust.lastProblem()))
                // The signature side of the list: whether an anchor must sign it, whether the list in force was
                // verified under it, and a reload refused while the last good list stays (reported, never failed
                // on: the gateway still judges by a list that was good, on every pod at once otherwise).
                .put("trust", new JsonObject().put("anchored", trust.anchored()).put("signed", trust.signed())
                        .put("rejectedReload", rejected(trust.rejectedReload())))
                .put("revocations", new JsonObject().put("mode", mirror.mode())
                        .put("mirror", mirror.freshness().wire()).put("loadedFrom", mirror.loadedFrom())
                        .put("connected", mirror.connected()).put("lagMillis", mirror.lagMillis())
                        .put("entries", mirror.entries()).put("serving", mirror.serving())
                        .put("problem", mirror.problem()))
                .put("authority", new JsonObject().put("mode", colours.online() ? "online" : "offline"))
                .put("warmup", warmup.report())
                // fleet: passes are shared over Redis; local: one person is caught at two places of THIS gateway
                // only. Never fails readiness: a Redis blip would stop every gateway's gates at once.
                .put("passback", new JsonObject().put("mode", sightings.mode()));
        return json;
    }

    private static JsonObject rejected(TrustStore.RejectedReload rejected) {
        return rejected == null ? null
                : new JsonObject().put("cause", rejected.cause()).put("reason", rejected.reason());
    }
}
