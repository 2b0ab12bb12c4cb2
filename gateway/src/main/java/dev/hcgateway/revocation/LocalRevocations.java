package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.model.HealthCode;
import io.vertx.core.Future;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-process revocation set, used when no Redis is configured: revocations reach this gateway only and
 * are lost at restart (the start-up log warns of it).
 */
public final class LocalRevocations implements RevocationStore {

    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Long> subjects = new ConcurrentHashMap<>(); // by SubjectKey.field()
    private final List<Consumer<List<SubjectKey>>> listeners = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public Future<Void> start() {
        return Future.succeededFuture();
    }

    @Override
    public boolean isRevoked(HealthCode code) {
        if (!codes.isEmpty() && codes.contains(code.codeIdHex())) {
            return true;
        }
        return !subjects.isEmpty() && (code.issuedAt() < before(SubjectKey.EVERY_ISSUER + ":" + code.subject())
                || code.issuedAt() < before(code.issuer() + ":" + code.subject()));
    }

    private long before(String field) {
        Long before = subjects.get(field);
        return before == null ? Long.MIN_VALUE : before;
    }

    @Override
    public Future<Void> revokeCode(byte[] codeId) {
        if (codes.add(HexFormat.of().formatHex(codeId))) {
            changes.incrementAndGet();
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> revokeSubject(SubjectKey key, long issuedBefore) {
        subjects.merge(key.field(), issuedBefore, Math::max);
        changes.incrementAndGet();
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> publishInvalidation(String issuer, List<String> subjectList) {
        List<SubjectKey> keys = subjectList.stream().map(s -> SubjectKey.of(issuer, s)).toList();
        listeners.forEach(l -> l.accept(keys));
        return Future.succeededFuture();
    }

    @Override
    public void export(java.io.OutputStream out) throws java.io.IOException {
        try (RevocationLines.Writer w = new RevocationLines.Writer(out, new RevocationLines.Header(null, 0, "0-0",
                System.currentTimeMillis(), "memory", null, codes.size(), subjects.size()))) {
            for (String hex : codes) {
                w.code(hex);
            }
            for (var e : subjects.entrySet()) {
                w.subject(SubjectKey.ofField(e.getKey()), e.getValue());
            }
        }
    }

    @Override
    public void forEachRevocation(Consumer<byte[]> codeIds, java.util.function.ObjLongConsumer<SubjectKey> each) {
        codes.forEach(hex -> codeIds.accept(HexFormat.of().parseHex(hex)));
        subjects.forEach((field, before) -> each.accept(SubjectKey.ofField(field), before));
    }

    @Override
    public long revision() {
        return changes.get();
    }

    @Override
    public void onInvalidation(Consumer<List<SubjectKey>> listener) {
        listeners.add(listener);
    }

    @Override
    public MirrorState state() {
        return MirrorState.local(codes.size() + subjects.size());
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
