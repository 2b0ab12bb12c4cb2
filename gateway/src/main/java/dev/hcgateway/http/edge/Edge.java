package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.ApiServices;
import dev.hcgateway.http.Routes;
import dev.hcgateway.http.warmup.Warmup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one edge every judged request passes, whatever its route, in one order: the way vertx-http-proxy's proxy
 * owns the order of its interceptors around one exchange. A route only reads its input ({@link JudgedRoute}).
 * <ol>
 *   <li><b>time</b>: the head is read; the request's latency and deadline start here;</li>
 *   <li><b>ready</b>: 503 {@code not_ready} while the revocation mirror is not fit to judge by (not loaded from Redis or
 *       disk, or past its staleness bound): a gate retries or fails over, where {@code manual} would send every
 *       passenger to staff and {@code pass} could open the gate to a revoked code;</li>
 *   <li><b>shed</b>: 503 {@code overloaded} when this loop's queue stands ({@link QueueDelay}, the one place that
 *       decides it; once warmed up) or the in-flight bound is full, before a byte of the body is read;</li>
 *   <li><b>read</b>: the route reads its input (JSON body, document, batch; an image's query);</li>
 *   <li><b>admit</b>: gate identity (403), rate limits (429), in-flight slots (503), as soon as the scene and
 *       gate are known and before any costly input (an image's upload and decode);</li>
 *   <li><b>judge</b>, <b>record</b> (passback, counts, the passage) and <b>answer</b> ({@link Verdicts}).</li>
 * </ol>
 * Every refusal is answered once, mapped by {@code ErrorMapper} and counted by route and code. One edge per
 * server verticle: it lives on that verticle's event loop. The passages of offline gates come through it too
 * ({@link OfflineRoute}): nothing is judged, but the gate is admitted as on a judged route.
 */
public final class Edge {

    /** The answer while the revocation mirror is not fit to judge by: readiness fails too, so it is short. */
    static final ApiError NOT_READY = ApiError.unavailable("not_ready", "The gateway has no revocation set to"
            + " judge by yet (starting, or its copy is past its staleness bound); retry or use another gateway.", 1);

    private final Vertx vertx;
    private final ApiServices services;
    private final QueueDelay queue;
    private final Judge served;
    /** The warm-up's synthetic requests: the same steps, the warm-up's pipeline, no trace; null without one. */
    private final Judge warmup;
    private final Verdicts verdicts;
    private final Map<String, JudgedRoute> routes;
    /** Passages handed in by offline gates: not judged, but admitted like the judged routes (gate identity). */
    private final OfflineRoute offline;

    /** Creates the edge of one server verticle, whose event loop is {@code loop}. */
    public Edge(Vertx vertx, ApiServices services, Context loop) {
        this.vertx = vertx;
        this.services = services;
        var http = services.config().http();
        this.queue = new QueueDelay(TimeUnit.MILLISECONDS.toNanos(http.shedQueueMs()),
                TimeUnit.MILLISECONDS.toNanos(http.shedIntervalMs()), loop);
        this.served = new Judge(services.pipeline(), true);
        this.warmup = services.warmup().pipeline() == null ? null : new Judge(services.warmup().pipeline(), false);
        this.verdicts = new Verdicts(services);
        long timeout = http.requestTimeoutMs();
        this.routes = Map.of(Routes.VERIFY, new VerifyRoute(services.config(), timeout),
                Routes.VERIFY_BATCH, new BatchRoute(services.config(), services.passages().clock(), timeout),
                Routes.VERIFY_DOCUMENT, new DocumentRoute(services.config(), timeout),
                Routes.VERIFY_IMAGE, new ImageRoute(services));
        this.offline = new OfflineRoute(vertx, services);
    }

    /** Returns the paths of the edge (the judged ones and the offline passages), for the router's list of routes. */
    public static List<String> paths() {
        return List.of(Routes.VERIFY, Routes.VERIFY_BATCH, Routes.VERIFY_DOCUMENT, Routes.VERIFY_IMAGE,
                Routes.PASSAGES_OFFLINE);
    }

    /** Takes a lag sample of this loop's probe (see {@link QueueDelay}). */
    public void lag(long lateNanos, long nowNanos) {
        queue.lag(lateNanos, nowNanos);
    }

    /** Serves the request when it is a judged one ({@code POST} to a judged path); returns false otherwise. */
    public boolean serves(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            return false;
        }
        if (Routes.PASSAGES_OFFLINE.equals(request.path())) {
            serveOffline(request);
            return true;
        }
        JudgedRoute route = routes.get(request.path());
        if (route == null) {
            return false;
        }
        serve(request, route);
        return true;
    }

    /** Serves a request of one of the edge's {@link #paths}, end to end. */
    public void serve(HttpServerRequest request, String path) {
        if (Routes.PASSAGES_OFFLINE.equals(path)) {
            serveOffline(request);
        } else {
            serve(request, routes.get(path));
        }
    }

    private void serve(HttpServerRequest request, JudgedRoute route) {
        long head = System.nanoTime();
        Judge judge = warmup != null && services.warmup().recognizes(request) ? warmup : served;
        request.routed(judge.counted() ? route.path() : Routes.WARMUP);
        Exchange exchange = new Exchange(this, vertx, request, route, judge, head);
        if (!services.revocations().serving()) {
            exchange.refuse(NOT_READY, false);
            return;
        }
        if (services.admission().full() || shedByQueue(judge, head)) {
            // Refused before the body, the timer and any parsing: a refusal costs the loop as little as it can.
            if (judge.counted()) {
                services.admission().countShed();
            }
            exchange.refuse(ApiError.OVERLOADED, false);
            return;
        }
        exchange.start();
        try {
            Asked asked = route.head(request);
            if (asked == null) {
                JsonBodyReader.read(exchange, services.config().http().maxBodyBytes(), this::bodyRead);
                return;
            }
            admit(exchange, asked);
            route.input(exchange, asked).onComplete(ar -> {
                if (ar.failed()) {
                    exchange.release();
                    exchange.fail(ar.cause());
                } else {
                    verdicts.judge(exchange, ar.result());
                }
            });
        } catch (RuntimeException e) {
            exchange.release();
            exchange.fail(e);
        }
    }

    /**
     * Tells whether the loop's queue sheds this request. Not before the warm-up is over: until the JIT has
     * compiled the path every request costs several times its steady cost, so the queue it makes says nothing
     * about overload (and a balancer sends nothing before readiness anyway); meanwhile the warm-up makes way
     * for whatever else arrives.
     */
    private boolean shedByQueue(Judge judge, long head) {
        Warmup warming = services.warmup();
        if (!warming.done()) {
            if (judge.counted()) {
                warming.served(head);
            }
            return false;
        }
        return queue.shed(head);
    }

    /**
     * Serves {@code POST /v1/passages/offline} in the edge's order, minus what only judging needs (the revocation
     * mirror, rate tokens per scan): time, shed, a place among this loop's uploads, read (its own bound), parse (a
     * worker), admit (gate identity, one in-flight slot), record (journalled and forced), answer.
     */
    private void serveOffline(HttpServerRequest request) {
        long head = System.nanoTime();
        request.routed(offline.path());
        Exchange exchange = new Exchange(this, vertx, request, offline, served, head);
        if (services.admission().full() || shedByQueue(served, head)) {
            services.admission().countShed();
            exchange.refuse(ApiError.OVERLOADED, false);
            return;
        }
        if (!offline.reserve()) {
            exchange.refuse(OfflineRoute.BUSY, true); // its body is not wanted: the gate sends it again later
            return;
        }
        exchange.onEnd(offline::unreserve);
        exchange.start();
        JsonBodyReader.read(exchange, OfflineRoute.MAX_BODY_BYTES, this::offlineRead);
    }

    private void offlineRead(Exchange exchange, Buffer body) {
        offline.parse(body).compose(parsed -> {
            if (exchange.over()) {
                return Future.<Buffer>failedFuture(ApiError.OVERLOADED.exception()); // answered: its deadline
            }
            HttpServerRequest request = exchange.request;
            String gate = GateIdentity.resolve(request.connection(), parsed.gate(), services.config().http().tls());
            services.admission().admit(1);
            exchange.admitted(gate, 1);
            return offline.record(gate, parsed);
        }).onComplete(ar -> {
            exchange.release();
            if (ar.failed()) {
                exchange.fail(ar.cause());
            } else {
                exchange.answer(ar.result());
            }
        });
    }

    /** Goes on with a request whose JSON body is complete: parse, admit, judge. */
    void bodyRead(Exchange exchange, Buffer body) {
        try {
            Asked asked = exchange.route.body(body);
            admit(exchange, asked);
            verdicts.judge(exchange, asked);
        } catch (RuntimeException e) {
            exchange.release();
            exchange.fail(e);
        }
    }

    /** Resolves the gate, charges the rate limits and takes the in-flight slots, or throws the refusal. */
    private void admit(Exchange exchange, Asked asked) {
        String gate = null;
        if (exchange.judge.counted()) {
            HttpServerRequest request = exchange.request;
            gate = GateIdentity.resolve(request.connection(), asked.gate(), services.config().http().tls());
            String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            long wait = services.rateLimits().tryAcquire(asked.scene().name(), gate, address, asked.credentials());
            if (wait > 0) {
                throw ApiError.rateLimited(wait).exception();
            }
        }
        // A batch always fits an idle gateway: it takes at most the whole bound.
        int slots = Math.min(asked.credentials(), services.config().http().maxInFlight());
        services.admission().admit(slots);
        exchange.admitted(gate, slots);
    }

    void release(int slots) {
        services.admission().release(slots);
    }

    void refused(String route, ApiError error) {
        services.metrics().refused(route, error.error());
    }

    /** Tells whether this loop's queue stands now (tests). */
    boolean dropping() {
        return queue.dropping();
    }
}
