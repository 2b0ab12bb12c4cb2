package dev.hcgateway.gate;

import java.util.Objects;

/** What a gate made of a downloaded bundle: {@link Opened}, or {@link Refused} with the reason in words. */
public sealed interface Opening permits Opening.Opened, Opening.Refused {

    /** A bundle whose signature verified under the gate's bundle key and whose payload reads. */
    record Opened(Bundle bundle) implements Opening {
        public Opened {
            Objects.requireNonNull(bundle, "bundle");
        }
    }

    /** A bundle never used: why, in one line that quotes nothing of it. */
    record Refused(String why) implements Opening {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }
}
