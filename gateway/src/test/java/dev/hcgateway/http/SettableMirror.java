package dev.hcgateway.http;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.revocation.MirrorState;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.model.SubjectKey;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * A real in-process revocation set whose reported mirror state the test sets: how a Redis-backed mirror
 * looks to readiness when Redis drops, lags, or falls past its staleness bound.
 */
final class SettableMirror implements RevocationStore {

    private final LocalRevocations set = new LocalRevocations();
    volatile MirrorState state = new MirrorState("redis", MirrorState.Freshness.LIVE, "redis", true, 0, 0, true, null);

    @Override
    public Future<Void> start() {
        return set.start();
    }

    @Override
    public boolean isRevoked(HealthCode code) {
        return set.isRevoked(code);
    }

    @Override
    public Future<Void> revokeCode(byte[] codeId) {
        return set.revokeCode(codeId);
    }

    @Override
    public Future<Void> revokeSubject(SubjectKey key, long issuedBefore) {
        return set.revokeSubject(key, issuedBefore);
    }

    @Override
    public Future<Void> publishInvalidation(String issuer, List<String> subjects) {
        return set.publishInvalidation(issuer, subjects);
    }

    @Override
    public void export(java.io.OutputStream out) throws java.io.IOException {
        set.export(out);
    }

    @Override
    public void forEachRevocation(Consumer<byte[]> codes, java.util.function.ObjLongConsumer<SubjectKey> subjects) {
        set.forEachRevocation(codes, subjects);
    }

    @Override
    public long revision() {
        return set.revision();
    }

    @Override
    public void onInvalidation(Consumer<List<SubjectKey>> listener) {
        set.onInvalidation(listener);
    }

    @Override
    public MirrorState state() {
        return state;
    }

    @Override
    public Future<Void> close() {
        return set.close();
    }
}
