package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.ApiServices;
import dev.hcgateway.http.Routes;
import dev.hcgateway.passage.OfflineIntake;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads {@code POST /v1/passages/offline} (offline-v1.md, section 3): a gate back from an outage hands in what it
 * judged on its own. Nothing is judged: the {@link Edge} sheds, bounds the uploads read at once on its loop, reads
 * the body under this route's own bound, parses it on a worker, admits the gate (its certificate names it under
 * mTLS, as on every judged route), and has the passages journalled and forced to disk before it answers.
 */
final class OfflineRoute implements JudgedRoute {

    /** 5,000 passages of a few hundred bytes each, with room to spare; refused 413 past it, before it is read. */
    static final int MAX_BODY_BYTES = 8 << 20;
    /** Bodies read and parsed at once on one event loop: at most this many times {@link #MAX_BODY_BYTES}. */
    static final int UPLOADS_PER_LOOP = 4;
    /** A backlog upload and its fsync may take longer than a scan on a loaded gateway, never unbounded. */
    static final long TIMEOUT_MS = 30_000;

    static final ApiError BUSY = ApiError.unavailable("offline_busy",
            "The gateway is taking in other gates' passages; send these again shortly.", 2);
    private static final ApiError NO_GATE = ApiError.badRequest("missing_gate",
            "The body has no \"gate\" and no client certificate names one.");
    private static final ApiError NO_JOURNAL = ApiError.unavailable("passages_not_journalled",
            "This gateway keeps no passages journal (passages.journal); send them to another gateway.", 60);
    private static final ApiError JOURNAL_FULL = ApiError.unavailable("journal_full",
            "The passages journal is full; keep the passages and send them again later.", 30);
    private static final ApiError NOT_FORCED = ApiError.unavailable("journal_unavailable",
            "The passages could not be forced to disk; keep them and send them again later.", 10);

    private final Vertx vertx;
    private final ApiServices services;
    /** Uploads being read or parsed on this loop; only this loop touches it. */
    private int uploads;

    OfflineRoute(Vertx vertx, ApiServices services) {
        this.vertx = vertx;
        this.services = services;
    }

    @Override
    public String path() {
        return Routes.PASSAGES_OFFLINE;
    }

    @Override
    public long timeoutMs() {
        return TIMEOUT_MS;
    }

    /** Takes an upload's place on this loop, or returns false when {@link #UPLOADS_PER_LOOP} are under way. */
    boolean reserve() {
        if (uploads >= UPLOADS_PER_LOOP) {
            return false;
        }
        uploads++;
        return true;
    }

    /** Gives an upload's place back, once its request has ended. */
    void unreserve() {
        uploads--;
    }

    /** Parses a complete body on a worker (up to 8 MiB of JSON: milliseconds the loop must not spend). */
    Future<OfflinePassagesRequest> parse(Buffer body) {
        return vertx.executeBlocking(() -> OfflinePassagesRequest.parse(body, services.config()), false);
    }

    /** Has the passages journalled for {@code gate}; completes with the answer, or fails with its refusal. */
    Future<Buffer> record(String gate, OfflinePassagesRequest request) {
        if (gate == null) {
            throw NO_GATE.exception();
        }
        return services.passages().offline().take(gate, request.entries()).map(OfflineRoute::answer);
    }

    private static Buffer answer(OfflineIntake.Receipt receipt) {
        if (receipt instanceof OfflineIntake.NotJournalled n) {
            throw switch (n.why()) {
                case NO_JOURNAL -> NO_JOURNAL.exception();
                case JOURNAL_FULL -> JOURNAL_FULL.exception();
                case NOT_FORCED -> NOT_FORCED.exception();
            };
        }
        OfflineIntake.Journalled j = (OfflineIntake.Journalled) receipt;
        JsonArray rejected = new JsonArray();
        for (OfflineIntake.Rejected r : j.rejected()) {
            JsonObject one = new JsonObject().put("index", r.index());
            if (r.id() != null) {
                one.put("id", r.id());
            }
            rejected.add(one.put("reason", r.reason()).put("message", r.message()));
        }
        return new JsonObject().put("accepted", j.accepted()).put("duplicates", j.duplicates())
                .put("rejected", rejected).toBuffer();
    }
}
