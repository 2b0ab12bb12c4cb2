package dev.hcgateway.gate;

import dev.hcgateway.crypto.Es256Verifier;
import java.util.Arrays;
import java.util.Objects;

/**
 * Opens a downloaded bundle at the gate: the COSE_Sign1 shape, the kid against the gate's bundle key, the ES256
 * signature, and only then the payload. A bundle that fails any step is {@link Opening.Refused}, never used.
 */
public final class BundleOpener {

    private final BundlePublicKey key;
    private final Es256Verifier verifier;
    private final BundleCodec codec = new BundleCodec();

    /** Creates an opener for bundles signed by {@code key}, verified by {@code verifier}. */
    public BundleOpener(BundlePublicKey key, Es256Verifier verifier) {
        this.key = Objects.requireNonNull(key, "key");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Returns the opened bundle, or why it is refused. */
    public Opening open(byte[] bytes) {
        Envelope envelope = Envelope.decode(bytes);
        if (envelope == null) {
            return new Opening.Refused("not a bundle (a COSE_Sign1 of an ES256 signature and a kid)");
        }
        if (!Arrays.equals(envelope.kid(), key.kid())) {
            return new Opening.Refused("signed by another key than " + key.kidText());
        }
        if (!verifier.verify(key.key(), envelope.toBeSigned(), envelope.signature())) {
            return new Opening.Refused("bad signature");
        }
        try {
            Bundle bundle = codec.decode(envelope.payload());
            if (!bundle.kid().equals(key.kidText())) {
                return new Opening.Refused("the payload names another key than its signer");
            }
            return new Opening.Opened(bundle);
        } catch (RuntimeException e) {
            // Signed by our key yet unreadable: a gateway of another version, never an attacker's bundle. The
            // codec says what is wrong (IllegalArgumentException); anything else is refused all the same.
            return new Opening.Refused("unreadable payload: " + (e instanceof IllegalArgumentException
                    ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }
}
