package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.model.HealthCode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.ObjLongConsumer;
import java.util.function.Consumer;

/**
 * The in-memory copy of the revocation set that every scan consults: code fingerprints and subject instants, looked
 * up without a lock or an allocation. Beside them it keeps the exact code ids and subject keys, once each, in
 * append-only logs ({@link ByteLog}): a fingerprint cannot be turned back into the id, and only the exact entries
 * let a surviving gateway rebuild a flushed Redis and restart from disk. It only grows (applying a change twice is
 * harmless), so snapshots and stream entries may overlap freely. Writers are serialised by its monitor.
 */
final class Mirror {

    private final CodeSet codes = new CodeSet(0);
    private final SubjectMap subjects = new SubjectMap(0);
    private final ByteLog codeIds = new ByteLog();
    private final ByteLog subjectKeys = new ByteLog();
    private volatile long changes;

    /** Tells whether the code is revoked: by its id, or as one of its subject's codes issued before an instant. */
    boolean isRevoked(HealthCode code) {
        if (codes.size() > 0 && codes.contains(Fingerprints.ofCodeId(code.codeId()))) {
            return true;
        }
        if (subjects.size() == 0) {
            return false;
        }
        long iat = code.issuedAt();
        return iat < subjects.issuedBefore(Fingerprints.ofSubject(SubjectKey.EVERY_ISSUER, code.subject()))
                || iat < subjects.issuedBefore(Fingerprints.ofSubject(code.issuer(), code.subject()));
    }

    /** Adds a code id given as hex; returns false when the text is no code id. */
    boolean addCodeHex(CharSequence hex) {
        if (Fingerprints.ofCodeIdHex(hex) == 0) {
            return false;
        }
        addCode(HexFormat.of().parseHex(hex.toString().toLowerCase(java.util.Locale.ROOT)));
        return true;
    }

    /** Adds a code id (8..16 bytes; others are ignored). */
    synchronized void addCode(byte[] codeId) {
        long fingerprint = Fingerprints.ofCodeId(codeId);
        if (fingerprint != 0 && codes.add(fingerprint)) {
            logCode(codeId, 0, codeId.length);
        }
    }

    /** Adds {@code n} code ids of a snapshot batch: the i-th is {@code lengths[i]} bytes at {@code 16 * i}. */
    synchronized void addCodes(long[] fingerprints, byte[] ids, byte[] lengths, int n) {
        codes.reserve((long) codes.size() + n);
        for (int i = 0; i < n; i++) {
            if (codes.add(fingerprints[i])) {
                logCode(ids, 16 * i, lengths[i]);
            }
        }
    }

    private void logCode(byte[] id, int from, int length) {
        ByteLog.Slot slot = codeIds.reserve(1 + length);
        slot.chunk()[slot.offset()] = (byte) length;
        System.arraycopy(id, from, slot.chunk(), slot.offset() + 1, length);
        codeIds.publish();
        changes++;
    }

    /** Revokes the subject's codes issued before {@code issuedBefore} (epoch seconds), keeping a later instant. */
    synchronized void addSubject(SubjectKey key, long issuedBefore) {
        boolean known = subjects.issuedBefore(Fingerprints.ofSubject(key.issuer(), key.subject())) != SubjectMap.NONE;
        if (!subjects.raise(Fingerprints.ofSubject(key.issuer(), key.subject()), issuedBefore)) {
            return;
        }
        changes++;
        if (!known) {
            byte[] issuer = key.issuer().getBytes(StandardCharsets.US_ASCII);
            byte[] subject = key.subject().getBytes(StandardCharsets.UTF_8);
            ByteLog.Slot slot = subjectKeys.reserve(3 + issuer.length + subject.length);
            byte[] c = slot.chunk();
            int at = slot.offset();
            c[at] = (byte) issuer.length;
            System.arraycopy(issuer, 0, c, at + 1, issuer.length);
            c[at + 1 + issuer.length] = (byte) (subject.length >> 8);
            c[at + 2 + issuer.length] = (byte) subject.length;
            System.arraycopy(subject, 0, c, at + 3 + issuer.length, subject.length);
            subjectKeys.publish();
        }
    }

    /** Gives every code id held (lock-free: those added before the call), in the order they were added. */
    void forEachCode(Consumer<byte[]> each) {
        codeIds.forEach((chunk, at) -> {
            int length = chunk[at];
            byte[] id = new byte[length];
            System.arraycopy(chunk, at + 1, id, 0, length);
            each.accept(id);
            return 1 + length;
        });
    }

    /** Gives every subject key held with its current instant (lock-free), in the order they were added. */
    void forEachSubject(ObjLongConsumer<SubjectKey> each) {
        subjectKeys.forEach((chunk, at) -> {
            int issuerLength = chunk[at];
            int subjectLength = ((chunk[at + 1 + issuerLength] & 0xFF) << 8) | (chunk[at + 2 + issuerLength] & 0xFF);
            String issuer = new String(chunk, at + 1, issuerLength, StandardCharsets.US_ASCII);
            String subject = new String(chunk, at + 3 + issuerLength, subjectLength, StandardCharsets.UTF_8);
            SubjectKey key = new SubjectKey(issuer, subject);
            each.accept(key, subjects.issuedBefore(Fingerprints.ofSubject(key.issuer(), key.subject())));
            return 3 + issuerLength + subjectLength;
        });
    }

    /** Returns a number that grows with every change of the content (for writing the mirror only when it changed). */
    long changes() {
        return changes;
    }

    /** Makes room for this many more entries at once, so a snapshot load doubles no table. */
    void reserve(long moreCodes, long moreSubjects) {
        codes.reserve(codes.size() + moreCodes);
        subjects.reserve(subjects.size() + moreSubjects);
    }

    /** Returns the number of revoked code ids held. */
    int codeCount() {
        return codes.size();
    }

    /** Returns the number of revoked subjects held. */
    int subjectCount() {
        return subjects.size();
    }

    /** Returns the exact heap size of the lookup tables and the logs of exact entries. */
    long bytes() {
        return codes.bytes() + subjects.bytes() + codeIds.bytes() + subjectKeys.bytes();
    }

    /** Returns the code table's slot count, for measurements. */
    int codeCapacity() {
        return codes.capacity();
    }
}
