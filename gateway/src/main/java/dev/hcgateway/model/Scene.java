package dev.hcgateway.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A place's policy (gateway API, "Scenes"): what each colour means there and how old a code may be.
 *
 * @param decisions             the decision for each of green, yellow, orange and red
 * @param maxCodeAgeSeconds     a code older than this is a screenshot ({@code stale_code}); paper codes exempt
 * @param snapshotMaxAgeSeconds how old the signed colour may be to stand in for the store's
 * @param fallback              the decision when no trustworthy colour is had
 * @param requireVaccinated     a passing colour without a recorded full course becomes manual
 * @param issuers               the HCN1 issuers accepted here; empty accepts every issuer of the trust list
 * @param dcc                   the rules for EU Digital COVID Certificates, or null: none accepted here
 */
public record Scene(String name, Map<Colour, Decision> decisions, long maxCodeAgeSeconds, long snapshotMaxAgeSeconds,
                    Decision fallback, boolean requireVaccinated, Set<String> issuers, DccRules dcc) {

    /** Creates a scene that accepts no DCC. */
    public Scene(String name, Map<Colour, Decision> decisions, long maxCodeAgeSeconds, long snapshotMaxAgeSeconds,
                 Decision fallback, boolean requireVaccinated, Set<String> issuers) {
        this(name, decisions, maxCodeAgeSeconds, snapshotMaxAgeSeconds, fallback, requireVaccinated, issuers, null);
    }

    public Scene {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fallback, "fallback");
        if (fallback == Decision.PASS) {
            throw new IllegalArgumentException("scene " + name + ": without a trustworthy colour nothing passes");
        }
        decisions = Map.copyOf(new EnumMap<>(decisions));
        issuers = Set.copyOf(issuers);
        for (Colour c : new Colour[]{Colour.GREEN, Colour.YELLOW, Colour.ORANGE, Colour.RED}) {
            if (!decisions.containsKey(c)) {
                throw new IllegalArgumentException("scene " + name + " gives no decision for " + c.wire());
            }
        }
        if (decisions.get(Colour.GREEN) != Decision.PASS) {
            throw new IllegalArgumentException("scene " + name + ": green must pass (no reason names a denied green)");
        }
        if (decisions.get(Colour.RED) == Decision.PASS) {
            throw new IllegalArgumentException("scene " + name + ": red must never pass");
        }
        if (maxCodeAgeSeconds < 0 || snapshotMaxAgeSeconds < 0) {
            throw new IllegalArgumentException("scene " + name + ": ages must not be negative");
        }
    }

    /** Tells whether codes of this issuer are accepted here. */
    public boolean accepts(String issuer) {
        return issuers.isEmpty() || issuers.contains(issuer);
    }
}
