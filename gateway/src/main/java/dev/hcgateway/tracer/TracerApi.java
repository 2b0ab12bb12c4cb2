package dev.hcgateway.tracer;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.passage.PassageStore;
import dev.hcgateway.passage.Passages;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracer API and its console under {@code /tracer/} (docs/passages.md, "Tracer API"). Runs every tracer request
 * in one order: the officer (401), the role (403), the case and parameters (400), the store (503), the query, its
 * audit row (no row, no answer: 503), the answer. The HTTP edge mounts it when {@code tracer.token} or
 * {@code tracer.jwks} is set; one is built per router.
 */
public final class TracerApi {

    public static final String PASSAGES = "/tracer/v1/passages";
    public static final String COMPANIONS = "/tracer/v1/companions";
    public static final String AUDIT = "/tracer/v1/audit";

    private static final Logger LOG = LoggerFactory.getLogger(TracerApi.class);

    private final GatewayConfig config;
    private final PassageStore store;
    private final Officers officers;
    private final TracerMetrics metrics;
    private final Replies replies;
    private final AuditTrail audit;
    private final PassageReads reads;
    private final CompanionReads companions;
    private final TracerConsole console;

    /** Builds the API over the passages (null: none, every query is 503) and starts reading the officer keys. */
    public TracerApi(Vertx vertx, GatewayConfig config, Passages passages, MeterRegistry registry) {
        this.config = config;
        this.store = passages == null ? null : passages.store();
        Clock clock = passages == null ? Clock.systemUTC() : passages.clock();
        this.metrics = new TracerMetrics(registry);
        this.replies = new Replies(metrics);
        var tracer = config.tracer();
        OfficerKeys keys = null;
        if (tracer.jwks() != null) {
            JWTOptions jwt = new JWTOptions().setIgnoreExpiration(true); // exp is checked on the gateway's clock
            if (tracer.jwtIssuer() != null) {
                jwt.setIssuer(tracer.jwtIssuer());
            }
            if (tracer.jwtAudience() != null) {
                jwt.setAudience(List.of(tracer.jwtAudience()));
            }
            keys = new OfficerKeys(vertx, Path.of(tracer.jwks()), jwt, metrics);
            keys.start(tracer.jwksReloadMs());
        }
        this.officers = new Officers(vertx, tracer.token(), keys, clock);
        this.audit = store == null ? null : new AuditTrail(store.pool(), clock);
        this.reads = store == null ? null : new PassageReads(store.pool());
        this.companions = store == null ? null : new CompanionReads(store.pool());
        this.console = new TracerConsole(this, config);
    }

    /** Mounts the API routes and the console. */
    public void mount(Router router) {
        int days = config.passages().retentionDays();
        router.get(PASSAGES).handler(ctx -> serve(ctx, Officer.Role.TRACER, p -> PassageQuery.parse(p, days),
                q -> reads.page(q, store.floor())));
        router.get(COMPANIONS).handler(ctx -> serve(ctx, Officer.Role.TRACER, p -> CompanionQuery.parse(p, days),
                q -> companions.companions(q, store.floor())));
        router.get(AUDIT).handler(ctx -> serve(ctx, Officer.Role.SUPERVISOR, AuditQuery::parse, q -> audit.read(q)));
        console.mount(router);
    }

    private <Q extends Query> void serve(RoutingContext ctx, Officer.Role role, Function<Params, Q> parse,
                                         Function<Q, Future<Answer>> run) {
        officer(ctx, role).compose(officer -> {
            Q query = parse.apply(new Params(ctx.request().params()));
            return answered(officer, query, () -> run.apply(query));
        }).onComplete(ar -> replies.send(ctx, ar));
    }

    /** Returns the officer of the request, or fails with 401 (who) or 403 (not this role; null: any officer). */
    Future<Officer> officer(RoutingContext ctx, Officer.Role role) {
        return officers.authenticate(ctx.request().getHeader("Authorization")).map(officer -> {
            if (role != null) {
                officer.require(role);
            }
            return officer;
        });
    }

    /** Runs a query on the store, writes its audit row, and returns the body to send: audited, or not answered. */
    Future<JsonObject> answered(Officer officer, Query query, Supplier<Future<Answer>> run) {
        if (store == null) {
            return Future.failedFuture(Refusal.NOT_CONFIGURED.exception());
        }
        long start = System.nanoTime();
        return run.get().recover(e -> {
            LOG.warn("tracer query failed ({}): {}", query.kind(), e.getClass().getSimpleName());
            return Future.failedFuture(Refusal.STORE_UNAVAILABLE.exception());
        }).compose(answer -> audit.write(officer, query, answer.rows()).transform(ar -> {
            if (ar.failed()) {
                metrics.auditFailed();
                LOG.warn("tracer query not answered: its audit row was not written ({})",
                        ar.cause().getClass().getSimpleName());
                return Future.failedFuture(Refusal.AUDIT_UNAVAILABLE.exception());
            }
            metrics.queried(query.kind(), System.nanoTime() - start);
            return Future.succeededFuture(answer.body());
        }));
    }

    /** Creates or migrates the audit table in the store, for {@code gateway migrate}. */
    public static Future<Void> migrate(PassageStore store) {
        return AuditTrail.STEPS.migrate(store.pool()).mapEmpty();
    }

    /** Returns how answers are written, for the console's calls. */
    Replies replies() {
        return replies;
    }
}
