package dev.hcgateway.loadtest.authority;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the simulated store was asked and how it answered, for assertions and the control API. */
public final class SimulatorStats {

    private final LongAdder lookups = new LongAdder();
    private final LongAdder subjects = new LongAdder();
    private final LongAdder documents = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    void lookup(int subjectCount) {
        lookups.increment();
        subjects.add(subjectCount);
    }

    void documentLookup(int count) {
        lookups.increment();
        documents.add(count);
    }

    void record(int status) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Returns the lookup requests received (both kinds). */
    public long lookups() {
        return lookups.sum();
    }

    /** Returns the subjects asked about, summed over lookups. */
    public long subjects() {
        return subjects.sum();
    }

    /** Returns how many answers had this status. */
    public long answered(int status) {
        LongAdder a = statuses.get(status);
        return a == null ? 0 : a.sum();
    }

    /** Returns the counts as JSON. */
    public JsonObject toJson() {
        JsonObject byStatus = new JsonObject();
        new TreeMap<>(statuses).forEach((k, v) -> byStatus.put(Integer.toString(k), v.sum()));
        return new JsonObject().put("lookups", lookups()).put("subjects", subjects())
                .put("documents", documents.sum()).put("statuses", byStatus);
    }
}
