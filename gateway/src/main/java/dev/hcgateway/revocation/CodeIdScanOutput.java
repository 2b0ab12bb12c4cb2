package dev.hcgateway.revocation;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Decodes one SSCAN reply of code ids straight into fingerprints and id bytes, on Lettuce's I/O thread: no String
 * or byte[] per member, which is most of the cost of loading ten million of them. The command's result is the
 * next cursor; the ids (16 bytes reserved each), their fingerprints and the count of members that are no code id
 * wait here for the mirror.
 */
final class CodeIdScanOutput extends CommandOutput<String, String, String> {

    private long[] fingerprints;
    private byte[] ids;
    private byte[] lengths;
    private int count;
    private int unusable;

    CodeIdScanOutput(int expected) {
        super(StringCodec.UTF8, null);
        int n = Math.max(16, expected);
        fingerprints = new long[n];
        ids = new byte[16 * n];
        lengths = new byte[n];
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
            ids = Arrays.copyOf(ids, 32 * count);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        lengths[count] = (byte) Fingerprints.hexBytes(bytes, ids, 16 * count);
        fingerprints[count++] = fingerprint;
    }

    long[] fingerprints() {
        return fingerprints;
    }

    byte[] ids() {
        return ids;
    }

    byte[] lengths() {
        return lengths;
    }

    int count() {
        return count;
    }

    int unusable() {
        return unusable;
    }
}
