package dev.hcgateway.truststore;

import dev.hcgateway.trust.TrustAnchor;
import dev.hcgateway.trust.TrustAnchorException;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListException;
import dev.hcgateway.trust.TrustListParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads the trust file and its signature file ({@code <trust file>.jws}) as one pair, and turns a pair into a
 * trust list: with an anchor, only after the anchor's signature over the file's exact bytes verified. Blocking
 * file IO: called on a worker.
 */
final class TrustFiles {

    /** One reading of both files; {@code signature} is null when there is no signature file. */
    record Pair(byte[] content, byte[] signature) {

        Pair {
            Objects.requireNonNull(content, "content");
        }

        /** Tells whether both files read the same bytes as {@code other}'s (null: never read). */
        boolean same(Pair other) {
            return other != null && Arrays.equals(content, other.content) && Arrays.equals(signature, other.signature);
        }
    }

    private final TrustListParser parser;
    private final Path file;
    private final Path signatureFile;
    private final TrustAnchor anchor;

    /** Creates the reader of {@code file}; {@code anchor} null: signatures are not required (nor read). */
    TrustFiles(TrustListParser parser, Path file, TrustAnchor anchor) {
        this.parser = parser;
        this.file = file;
        this.signatureFile = TrustAnchor.signatureFile(file);
        this.anchor = anchor;
    }

    /**
     * Reads both files; returns null when the trust file changed while they were read (a writer is between its
     * two files, or a mounted volume swapped them): the next poll reads a settled pair.
     */
    Pair read() throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (anchor == null) {
            return new Pair(content, null);
        }
        byte[] signature;
        try {
            signature = Files.readAllBytes(signatureFile);
        } catch (NoSuchFileException e) {
            signature = null;
        }
        return Arrays.equals(content, Files.readAllBytes(file)) ? new Pair(content, signature) : null;
    }

    /**
     * Reads and loads the files at start: a pair read while the trust file changed is read once more, then it must
     * hold still.
     */
    Pair first() throws TrustListException {
        try {
            Pair pair = read();
            pair = pair != null ? pair : read();
            if (pair == null) {
                throw new TrustListException(file + ": changed on every read; start again once it is written");
            }
            return pair;
        } catch (IOException e) {
            throw new TrustListException(file + ": cannot read: " + describe(e));
        }
    }

    /** Returns an IO fault as a few words for an operator. */
    static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
    }

    /** Returns the signature file's path. */
    Path signatureFile() {
        return signatureFile;
    }

    /** Returns the list of a pair; throws {@link TrustAnchorException} when the anchor did not sign it. */
    TrustList load(Pair pair) throws TrustListException {
        if (anchor != null && anchor.check(pair.content(), pair.signature(), signatureFile.toString())
                instanceof TrustAnchor.Refused refused) {
            throw new TrustAnchorException(refused.why(), refused.cause());
        }
        return parser.parse(pair.content(), file.toString());
    }

    /** Tells whether lists are checked against an anchor. */
    boolean anchored() {
        return anchor != null;
    }
}
