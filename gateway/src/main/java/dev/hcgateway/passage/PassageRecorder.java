package dev.hcgateway.passage;

import dev.hcgateway.model.Outcome;

/**
 * Records the passage of a judged code, on the scan path, before its answer is written. Cheap and never
 * blocking on a network: an implementation journals locally (docs/passages.md). A request without a gate
 * leaves no passage.
 */
public interface PassageRecorder {

    /** Records nothing: for gateways and tests without a journal. */
    PassageRecorder NONE = new PassageRecorder() {
        @Override
        public boolean record(String gate, String scene, Outcome outcome) {
            return false;
        }
    };

    /**
     * Records a judged credential at a gate (null: none): a code by its claims, an identity document by its keyed
     * hash; returns whether the passage was journalled.
     */
    boolean record(String gate, String scene, Outcome outcome);
}
