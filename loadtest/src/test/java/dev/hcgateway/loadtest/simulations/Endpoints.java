package dev.hcgateway.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.hcgateway.loadtest.pool.PoolEntry;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The gateway's endpoints (docs/api.md) as Gatling requests, each with the checks that make a wrong
 * answer a failed request: status 200 and a decision the {@link Judge} allows.
 */
public final class Endpoints {

    private Endpoints() {
    }

    /** Returns the HTTP protocol: HTTP/1.1 keep-alive connections shared like a fleet of gates, no warm-up call. */
    public static HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl)
                .disableWarmUp()
                .shareConnections()
                .acceptHeader("application/json")
                .userAgentHeader("hc-loadtest");
    }

    /**
     * Returns the HTTP protocol of a gate fleet: each virtual user (a gate) keeps its own keep-alive connection, so
     * the fleet's size is the number of connections, whatever the answers' pace.
     */
    public static HttpProtocolBuilder gateProtocol(String baseUrl) {
        return http.baseUrl(baseUrl)
                .disableWarmUp()
                .acceptHeader("application/json")
                .userAgentHeader("hc-loadtest");
    }

    /** {@code POST /v1/verify} with the fed {@code body}; named by the code's category. */
    public static HttpRequestActionBuilder verify(Judge judge) {
        return http(session -> "verify " + session.getString("category"))
                .post("/v1/verify")
                .header("Content-Type", "application/json")
                .body(StringBody("#{body}"))
                .check(status().is(200))
                .check(jsonPath("$.decision").transformWithSession((decision, session) -> judge.verdict(decision,
                        session.get("entry"), session.getString("scene"), sentAt(session))).is("ok"));
    }

    /** {@code POST /v1/verify/batch} with the fed batch; every result judged in order. */
    public static HttpRequestActionBuilder verifyBatch(Judge judge) {
        return http("verify batch")
                .post("/v1/verify/batch")
                .header("Content-Type", "application/json")
                .body(StringBody("#{body}"))
                .check(status().is(200))
                .check(bodyString().transformWithSession((body, session) -> batchVerdict(judge, body, session))
                        .is("ok"));
    }

    /** {@code POST /v1/verify/image} with the fed PNG. */
    public static HttpRequestActionBuilder verifyImage(Judge judge) {
        return http("verify image")
                .post(session -> "/v1/verify/image?scene=" + session.getString("scene") + "&gate=KIOSK-"
                        + session.getString("kiosk"))
                .header("Content-Type", "image/png")
                .body(ByteArrayBody(session -> session.get("png")))
                .check(status().is(200))
                .check(jsonPath("$.decision").transformWithSession((decision, session) -> judge.verdict(decision,
                        session.get("entry"), session.getString("scene"), sentAt(session))).is("ok"));
    }

    /** {@code GET /v1/offline/bundle}, a gate's first fetch: 200, its {@code ETag} saved as {@code etag}. */
    public static HttpRequestActionBuilder offlineBundle() {
        return http("offline bundle: first fetch")
                .get("/v1/offline/bundle")
                .check(status().is(200))
                .check(header("ETag").saveAs("etag"));
    }

    /**
     * {@code GET /v1/offline/bundle} with {@code If-None-Match} of the gate's last {@code ETag}: 304 when the bundle
     * is unchanged ({@code notModified}: anything else fails the request), else 200 and its new {@code ETag} kept.
     */
    public static HttpRequestActionBuilder offlineBundlePoll(boolean notModified) {
        return http("offline bundle: poll")
                .get("/v1/offline/bundle")
                .header("If-None-Match", "#{etag}")
                .check(notModified ? status().is(304) : status().in(200, 304))
                .check(header("ETag").optional().saveAs("etag"));
    }

    /** {@code POST /admin/v1/invalidations} of the subjects in session attribute {@code chunk} (a JSON body). */
    public static HttpRequestActionBuilder invalidate(String adminToken) {
        return http("announce: invalidate subjects")
                .post("/admin/v1/invalidations")
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .body(StringBody("#{chunk}"))
                .check(status().in(200, 202, 204));
    }

    /** Tells the store simulator to change colours: session attribute {@code storeChunk} is the JSON body. */
    public static HttpRequestActionBuilder storeColours(String controlUrl) {
        return http("store: change colours")
                .post(controlUrl + "/control/colours")
                .header("Content-Type", "application/json")
                .body(StringBody("#{storeChunk}"))
                .check(status().is(200));
    }

    /** Tells the store simulator to fail this way for so many seconds. */
    public static HttpRequestActionBuilder storeFault(String controlUrl, String fault, double seconds) {
        return http("store: " + fault + " for " + Math.round(seconds) + " s")
                .post(controlUrl + "/control/faults")
                .header("Content-Type", "application/json")
                .body(StringBody(new JsonObject().put("fault", fault).put("seconds", seconds).encode()))
                .check(status().is(200));
    }

    /** {@code GET /metrics}, the scrape saved as {@code scrape}. */
    public static HttpRequestActionBuilder metrics(String name) {
        return http(name).get("/metrics").check(status().is(200)).check(bodyString().saveAs("scrape"));
    }

    /** Returns "ok", or what went wrong, for a batch answer. */
    static String batchVerdict(Judge judge, String body, Session session) {
        List<PoolEntry> entries = session.getList("entries");
        JsonArray results;
        try {
            results = new JsonObject(body).getJsonArray("results");
        } catch (RuntimeException e) {
            return "answer is not a batch result: " + e.getMessage();
        }
        if (results == null || results.size() != entries.size()) {
            return "expected " + entries.size() + " results, got " + (results == null ? "none" : results.size());
        }
        for (int i = 0; i < entries.size(); i++) {
            String v = judge.verdict(results.getJsonObject(i).getString("decision"), entries.get(i),
                    session.getString("scene"), sentAt(session));
            if (!v.equals("ok")) {
                return "result " + i + ": " + v;
            }
        }
        return "ok";
    }

    private static long sentAt(Session session) {
        return session.contains("sentAt") ? session.getLong("sentAt") : System.nanoTime();
    }
}
