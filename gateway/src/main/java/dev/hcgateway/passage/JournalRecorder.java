package dev.hcgateway.passage;

import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.IdentityDocument;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Verdict;
import java.time.Clock;

/**
 * Turns a judged answer into its passage (what the answer says, the gate's place, the time of the gateway's clock)
 * and appends it to the journal: no network, a few microseconds, before the answer is written.
 */
final class JournalRecorder implements PassageRecorder {

    private final Journal journal;
    private final Places places;
    private final Clock clock;

    JournalRecorder(Journal journal, Places places, Clock clock) {
        this.journal = journal;
        this.places = places;
        this.clock = clock;
    }

    @Override
    public boolean record(String gate, String scene, Outcome outcome) {
        if (gate == null) {
            return false;
        }
        long at = clock.millis();
        String colour = null;
        String source = null;
        HealthCode code = null;
        String document = null;
        if (outcome instanceof Verdict v) {
            colour = v.colour() == null ? null : v.colour().wire();
            source = v.source() == null ? null : v.source().wire();
            code = v.code();
            document = v.credential() instanceof IdentityDocument d ? d.key().hash() : null;
        } else if (outcome instanceof Rejection r && r.colour() != null) {
            colour = r.colour().wire(); // grey: an expired international code, read off the code itself
            source = ColourSource.CODE.wire();
        }
        try {
            return journal.append(new Passage(Uuid7.at(at), at, gate, places.placeOf(gate), scene,
                    outcome.decision().wire(), outcome.reason().wire(), colour, source, outcome.degraded(),
                    code == null ? null : code.issuer(), code == null ? null : code.subject(),
                    code == null ? null : code.kind().wire(), code == null ? null : code.codeIdHex(), document, false));
        } catch (IllegalArgumentException e) {
            journal.refuse(); // e.g. a signed subject past the passage's bounds: the answer must not fail for it
            return false;
        }
    }
}
