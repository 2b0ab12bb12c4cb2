package dev.hcgateway.passback;

import dev.hcgateway.config.PassbackConfig;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Credential;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.IdentityDocument;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.passage.Places;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Anti-passback and re-reads (docs/passages.md): one person who passed at a place moments ago is not let in at
 * another, and a code re-read at the same gate answers as it did. Runs after the policy, in memory only.
 */
public final class Passback {

    /**
     * The answer after passback.
     *
     * @param outcome what to answer
     * @param reread  true for a re-read of the same code at the same gate: leave no new passage
     */
    public record Applied(Outcome outcome, boolean reread) {
    }

    private final Map<String, PassbackConfig> rules;
    private final Places places;
    private final Sightings sightings;
    private final PersonKeys keys;
    private final SightingShare share;
    private final Clock clock;
    private final Map<String, Counter> hits = new HashMap<>();

    /** Creates passback over the scenes' rules, the passages' places and a sightings store of this gateway only. */
    public Passback(Map<String, PassbackConfig> rules, Places places, Sightings sightings, Clock clock,
                    MeterRegistry registry) {
        this(rules, places, sightings, PersonKeys.random(), SightingShare.LOCAL, clock, registry);
    }

    /** Creates passback whose passes are keyed by {@code keys} and also handed to {@code share} (the fleet). */
    public Passback(Map<String, PassbackConfig> rules, Places places, Sightings sightings, PersonKeys keys,
                    SightingShare share, Clock clock, MeterRegistry registry) {
        this.rules = Map.copyOf(rules);
        this.places = places;
        this.sightings = sightings;
        this.keys = keys;
        this.share = share;
        this.clock = clock;
        // Registered once per configured scene: the label set is bounded by the configuration.
        for (String scene : rules.keySet()) {
            hits.put(scene, Counter.builder("hc_passback_hits_total").tag("scene", scene)
                    .description("Presentations answered code_in_use").register(registry));
        }
    }

    /** Applies a scene's passback to a judged credential presented at a gate (null gate: nothing to do). */
    public Applied apply(Scene scene, String gate, Outcome outcome) {
        PassbackConfig rule = rules.getOrDefault(scene.name(), PassbackConfig.OFF);
        if (gate == null || !(outcome instanceof Verdict verdict)) {
            return new Applied(outcome, false);
        }
        String person = personOf(verdict.credential());
        if (person == null) {
            return new Applied(outcome, false);
        }
        long now = clock.millis();
        String read = verdict.code() == null ? null : gate + '\n' + verdict.code().codeIdHex();
        if (read != null && rule.rescanSeconds() > 0) {
            Sightings.Read last = sightings.lastRead(read);
            if (last != null && now - last.at() < rule.rescanSeconds() * 1000L) {
                // Time, revocation and colour were judged again: only a still-passing code gets the first answer.
                return new Applied(outcome.decision() == Decision.PASS ? last.answer() : outcome, true);
            }
        }
        Outcome answer = outcome;
        String place = places.placeOf(gate);
        // Only gates of configured places take part: without a places map every gate is a place of its own, and
        // two gates of one station would look like two stations (docs/passages.md, "Anti-passback").
        boolean known = places.knows(gate);
        // Hashed only where it is used: a gate outside the places map costs no HMAC.
        PersonKey key = known ? keys.of(person) : null;
        if (known && rule.action() != PassbackConfig.Action.OFF && verdict.decision() == Decision.PASS) {
            Sightings.Pass last = sightings.lastPass(key);
            if (last != null && !last.place().equals(place) && now - last.at() < rule.seconds() * 1000L) {
                hits.get(scene.name()).increment();
                answer = new Verdict(rule.action() == PassbackConfig.Action.DENY ? Decision.DENY : Decision.MANUAL,
                        Reason.CODE_IN_USE, verdict.credential(), verdict.colour(), verdict.source(),
                        verdict.degraded());
            }
        }
        if (known && answer.decision() == Decision.PASS) {
            sightings.passed(key, place, now);
            share.passed(key, place, now);
        }
        if (read != null && rule.rescanSeconds() > 0) {
            sightings.answered(read, answer, now);
        }
        return new Applied(answer, false);
    }

    /**
     * Returns who presented a credential: issuer and subject (a guardian's proxy code is another person than the
     * holder's own, so it is told apart by its relation), or the document's keyed hash; null when unknown.
     */
    static String personOf(Credential credential) {
        if (credential instanceof HealthCode code) {
            String proxy = code.kind() == CodeKind.PROXY ? "\nproxy\n" + code.relation() : "";
            return "c\n" + code.issuer() + '\n' + code.subject() + proxy;
        }
        if (credential instanceof IdentityDocument document) {
            return "d\n" + document.key().type() + '\n' + document.key().hash();
        }
        return null;
    }
}
