package dev.hcgateway.judge;

import dev.hcgateway.format.Judging;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Validation;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.policy.SnapshotColour;
import java.time.Instant;

/**
 * Judges a text with nothing but memory, as a gate without a network does: the format's judgement (time rules as
 * of {@link Judging#at()}), then for a valid HCN1 code the signed snapshot's colour as of {@code now}, then the
 * scene's policy. Pure but for the revocation look-up; what the {@code verify} command and an offline gate call.
 */
public final class OfflineJudge {

    private final CodeJudge formats;
    private final ScenePolicy policy = new ScenePolicy();

    /** Creates the judge over these formats (built without a verified-code memo). */
    public OfflineJudge(CodeJudge formats) {
        this.formats = formats;
    }

    /** Returns the outcome of the text: a rejection, a DCC's verdict, or the scene's verdict on the snapshot's colour. */
    public Outcome judge(String text, Judging judging, Instant now) {
        Validation validation = formats.judge(text, judging);
        if (validation instanceof Validation.Valid valid) {
            return policy.decide(judging.scene(), valid.code(),
                    SnapshotColour.of(valid.code(), judging.scene(), now.getEpochSecond()));
        }
        return (Outcome) validation; // a Rejection or a DccVerdict: each is an outcome of its own
    }
}
