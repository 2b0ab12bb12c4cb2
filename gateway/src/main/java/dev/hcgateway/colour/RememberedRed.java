package dev.hcgateway.colour;

import dev.hcgateway.model.SubjectKey;
import java.util.Objects;

/**
 * A subject the store said was red, kept to deny while the store does not answer ({@code colour.redRetentionSeconds}
 * past its TTL); written to the state directory so that a restart during an outage of the store forgets none.
 *
 * @param key             the subject under its issuer; under every issuer for a red read from a file written by a
 *                        gateway that keyed subjects alone (it then denies the subject under any issuer)
 * @param asOf            epoch seconds of the red at the store
 * @param keepUntilMillis until when it denies in place of the store
 */
public record RememberedRed(SubjectKey key, long asOf, long keepUntilMillis) {

    public RememberedRed {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return "RememberedRed[keepUntil=" + keepUntilMillis + "]"; // never the subject: logs must not carry it
    }
}
