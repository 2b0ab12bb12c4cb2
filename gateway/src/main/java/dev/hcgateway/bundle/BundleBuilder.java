package dev.hcgateway.bundle;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.gate.Bundle;
import dev.hcgateway.gate.BundleCodec;
import dev.hcgateway.gate.BundleRevocations;
import dev.hcgateway.gate.Envelope;
import dev.hcgateway.gate.RevocationHash;
import dev.hcgateway.gate.RevokedCodes;
import dev.hcgateway.gate.RevokedSubjects;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.truststore.TrustStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Builds and signs the offline bundle from what this gateway judges with: the trust list in force, its revocation
 * mirror, and its scenes and time rules. Blocking and CPU-heavy on a large mirror (a SHA-256 per revocation):
 * called on a worker, never on an event loop.
 */
public final class BundleBuilder {

    private final GatewayConfig config;
    private final TrustStore trust;
    private final RevocationStore revocations;
    private final BundleKey key;
    private final Clock clock;
    private final BundleCodec codec = new BundleCodec();

    /** Creates a builder over these sources, signing with {@code key}, stamping bundles with {@code clock}. */
    public BundleBuilder(GatewayConfig config, TrustStore trust, RevocationStore revocations, BundleKey key,
                         Clock clock) {
        this.config = config;
        this.trust = trust;
        this.revocations = revocations;
        this.key = key;
        this.clock = clock;
    }

    /** Builds, encodes and signs a bundle of what is held now. */
    public BuiltBundle build() {
        TrustList list = trust.current();
        byte[] content = trust.currentContent(); // after the list: its content or a newer one's
        long revision = revocations.revision(); // before the revocations: a change meanwhile makes it stale
        List<RevocationHash> codes = new ArrayList<>();
        long[][] subjects = {new long[1024], new long[1024]};
        int[] n = {0};
        MessageDigest sha256 = RevocationHash.sha256();
        revocations.forEachRevocation(id -> codes.add(RevocationHash.ofCodeId(sha256, id)), (subject, before) -> {
            if (n[0] == subjects[0].length) {
                subjects[0] = Arrays.copyOf(subjects[0], 2 * n[0]);
                subjects[1] = Arrays.copyOf(subjects[1], 2 * n[0]);
            }
            subjects[0][n[0]] = RevocationHash.ofSubject(sha256, subject.issuer(), subject.subject()).first();
            subjects[1][n[0]++] = before;
        });
        long issuedAt = clock.instant().getEpochSecond();
        Bundle bundle = new Bundle(issuedAt, issuedAt + config.offline().validSeconds(), key.publicKey().kidText(),
                content, config.verify().defaultScene(), config.scenes(), config.verify().clockSkewSeconds(),
                config.codes().maxValidity(), new BundleRevocations(
                        RevokedCodes.of(codes, config.offline().exactCodeLimit()),
                        RevokedSubjects.of(Arrays.copyOf(subjects[0], n[0]), Arrays.copyOf(subjects[1], n[0]))));
        byte[] kid = key.publicKey().kid();
        byte[] payload = codec.encode(bundle);
        byte[] bytes = new Envelope(kid, payload, key.sign(Envelope.toBeSigned(kid, payload))).encode();
        return new BuiltBundle(bytes, etag(bytes), issuedAt, revision, list);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
