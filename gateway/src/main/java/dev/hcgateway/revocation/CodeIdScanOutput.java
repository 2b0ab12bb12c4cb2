package dev.hcgateway.revocation;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Decodes one SSCAN reply of code ids straight into fingerprints, on Lettuce's I/O thread: no String or
 * byte[] per member, which is most of the cost of loading ten million of them. The command's result is the
 * next cursor; the fingerprints and the count of members that are no code id wait here for the mirror.
 */
final class CodeIdScanOutput extends CommandOutput<String, String, String> {

    private long[] fingerprints;
    private int count;
    private int unusable;

    CodeIdScanOutput(int expected) {
        super(StringCodec.UTF8, null);
        fingerprints = new long[Math.max(16, expected)];
    }

    @Override
    public void set(ByteBuffer bytes) {
        if (output == null) {
            output = decodeString(bytes); // the reply is [cursor, [member, ...]]: the cursor comes first
            return;
        }
        long fingerprint = bytes == null ? 0 : Fingerprints.ofCodeIdHex(bytes);
        if (fingerprint == 0) {
            unusable++;
            return;
        }
        if (count == fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, count * 2);
        }
        fingerprints[count++] = fingerprint;
    }

    long[] fingerprints() {
        return fingerprints;
    }

    int count() {
        return count;
    }

    int unusable() {
        return unusable;
    }
}
