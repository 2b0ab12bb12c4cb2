package dev.hcgateway.revocation;

import dev.hcgateway.model.HealthCode;

/**
 * The in-memory copy of the revocation set that every scan consults: code fingerprints and subject instants.
 * It only grows (applying a change twice is harmless), so snapshots and stream entries may overlap freely.
 */
final class Mirror {

    private final CodeSet codes = new CodeSet(0);
    private final SubjectMap subjects = new SubjectMap(0);

    /** Tells whether the code is revoked: by its id, or as one of its subject's codes issued before an instant. */
    boolean isRevoked(HealthCode code) {
        if (codes.size() > 0 && codes.contains(Fingerprints.ofCodeId(code.codeId()))) {
            return true;
        }
        return subjects.size() > 0
                && code.issuedAt() < subjects.issuedBefore(Fingerprints.ofSubject(code.subject()));
    }

    /** Adds a code id given as hex; returns false when the text is no code id. */
    boolean addCodeHex(CharSequence hex) {
        long fingerprint = Fingerprints.ofCodeIdHex(hex);
        if (fingerprint == 0) {
            return false;
        }
        codes.add(fingerprint);
        return true;
    }

    /** Adds a code id. */
    void addCode(byte[] codeId) {
        long fingerprint = Fingerprints.ofCodeId(codeId);
        if (fingerprint != 0) {
            codes.add(fingerprint);
        }
    }

    /** Adds {@code n} code fingerprints at once. */
    void addCodes(long[] fingerprints, int n) {
        codes.addAll(fingerprints, n);
    }

    /** Revokes the subject's codes issued before {@code issuedBefore} (epoch seconds), keeping a later instant. */
    void addSubject(String subject, long issuedBefore) {
        subjects.raise(Fingerprints.ofSubject(subject), issuedBefore);
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

    /** Returns the exact heap size of both tables. */
    long bytes() {
        return codes.bytes() + subjects.bytes();
    }

    /** Returns the code table's slot count, for measurements. */
    int codeCapacity() {
        return codes.capacity();
    }
}
