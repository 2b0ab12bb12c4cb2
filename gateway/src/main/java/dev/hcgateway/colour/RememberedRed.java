package dev.hcgateway.colour;

import java.util.Objects;

/**
 * A subject the store said was red, kept to deny while the store does not answer ({@code colour.redRetentionSeconds}
 * past its TTL); written to the state directory so that a restart during an outage of the store forgets none.
 *
 * @param subject         the subject (a pseudonym)
 * @param asOf            epoch seconds of the red at the store
 * @param keepUntilMillis until when it denies in place of the store
 */
public record RememberedRed(String subject, long asOf, long keepUntilMillis) {

    public RememberedRed {
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
        return "RememberedRed[keepUntil=" + keepUntilMillis + "]"; // never the subject: logs must not carry it
    }
}
