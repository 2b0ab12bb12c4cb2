package dev.hcgateway.http;

import dev.hcgateway.http.edge.Edge;
import dev.hcgateway.tracer.TracerApi;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;

/**
 * Builds the router: admin, tracer, health and metrics routes with their body limits and timeouts, and one error
 * mapper. Judged requests are the {@link Edge}'s: the server hands them over before routing.
 */
public final class HttpApi {

    private HttpApi() {
    }

    /** Returns the router serving the API over these services (judged routes on an edge of its own). */
    public static Router router(Vertx vertx, ApiServices services) {
        return router(vertx, services, new Edge(vertx, services, vertx.getOrCreateContext()));
    }

    /** Returns the router serving the API, with {@code edge} serving the judged routes. */
    static Router router(Vertx vertx, ApiServices services, Edge edge) {
        Router router = Router.router(vertx);
        var http = services.config().http();
        ErrorMapper errors = new ErrorMapper(services.metrics());
        BodyHandler json = BodyHandler.create(false).setBodyLimit(http.maxBodyBytes());
        TimeoutHandler timeout = TimeoutHandler.create(http.requestTimeoutMs(), 503);

        // The server hands POST to these paths to the edge before routing (HttpServerVerticle). Here they answer
        // other methods 405, serve the spellings the router normalizes (a trailing slash) through the same edge,
        // and are listed for the OpenAPI check.
        for (String path : Edge.paths()) {
            router.post(path).handler(ctx -> edge.serve(ctx.request(), path));
        }

        String token = services.config().admin().token();
        if (token != null) {
            AdminHandler admin = new AdminHandler(services, token);
            // Vert.x Web wants the body handler before user handlers; the body is bounded, so reading it first is safe.
            router.post(Routes.REVOCATIONS).handler(timeout).handler(json).handler(admin::authorize)
                    .handler(admin::revoke);
            router.post(Routes.INVALIDATIONS).handler(timeout).handler(json).handler(admin::authorize)
                    .handler(admin::invalidate);
            // No request timeout: the whole mirror may take a while; the handler bounds each chunk instead.
            router.get(Routes.REVOCATIONS_EXPORT).handler(admin::authorize).handler(new ExportHandler(services));
        }

        if (services.config().tracer().enabled()) {
            new TracerApi(vertx, services.config(), services.passages(), services.metrics().registry()).mount(router);
        }

        OfflineHandler offline = new OfflineHandler(services);
        router.get(Routes.OFFLINE_BUNDLE).handler(offline::bundle);
        router.get(Routes.OFFLINE_KEY).handler(offline::key);

        HealthHandler health = new HealthHandler(services);
        router.get(Routes.LIVE).handler(health::live);
        router.head(Routes.LIVE).handler(health::live); // probes that use HEAD; Vert.x writes no body for it
        router.get(Routes.READY).handler(health::ready);
        router.get(Routes.METRICS).handler(health::metrics);

        router.route().failureHandler(errors);
        for (int status : new int[]{404, 405, 413, 500}) {
            router.errorHandler(status, errors);
        }
        return router;
    }

    /** Returns the method and path of every route served, for the OpenAPI check. */
    public static java.util.List<String> served(Router router) {
        return router.getRoutes().stream().filter(r -> r.getPath() != null)
                .flatMap(r -> (r.methods() == null ? java.util.Set.of(HttpMethod.GET) : r.methods()).stream()
                        .map(m -> m.name() + " " + r.getPath()))
                .distinct().sorted().toList();
    }
}
