package dev.hcgateway.revocation;

/** Why a change was not acknowledged, as far as this gateway can tell. */
public sealed interface WriteFault {

    /** A sentence for logs and answers; never holds a code id or subject. */
    String why();

    /** The change was certainly not applied (refused before it reached Redis, or a bad input). */
    record NotStored(String why) implements WriteFault {
    }

    /** The change may or may not be applied (timed out, connection lost, replica did not confirm): retry. */
    record OutcomeUnknown(String why) implements WriteFault {
    }

    /** Redis holds no marker (flushed or never initialised): nothing is written until an operator acts. */
    record NotInitialised(String why) implements WriteFault {
    }
}
