package dev.hcgateway.http;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.document.DocumentHasher;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.Place;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves the tracer console: its static page ({@code /tracer/}, from the jar, behind a strict Content-Security-Policy)
 * and the two calls only the page needs, the configured places and the keyed hash of a document number, both behind
 * the tracer token and audited. A number is read from the body, hashed and forgotten: never logged, never in a URL.
 */
public final class TracerConsole {

    /** No inline script or style, nothing from another origin, no framing: the page is its own three files. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final ApiError NO_DOCUMENT_KEY = ApiError.unavailable("document_key_not_configured",
            "No document key is configured on this gateway (HC_DOCUMENT_KEY).", 0);

    private final TracerHandler tracer;
    private final GatewayConfig config;
    private final DocumentHasher hasher;

    /** Creates the console over the tracer handler (token check, audit) and the configuration. */
    public TracerConsole(TracerHandler tracer, GatewayConfig config) {
        this.tracer = tracer;
        this.config = config;
        String key = config.document().key();
        this.hasher = key == null ? null : new DocumentHasher(key);
    }

    /** Mounts the page and its two calls. */
    public void mount(Router router) {
        router.get(Routes.TRACER_PLACES).handler(tracer::authorize).handler(this::places);
        router.post(Routes.TRACER_DOCUMENT_HASH).handler(BodyHandler.create(false).setBodyLimit(1024))
                .handler(tracer::authorize).handler(this::documentHash);
        router.getWithRegex("/tracer").handler(ctx -> ctx.redirect("/tracer/")); // a regex: "/tracer" as a path matches "/tracer/" too
        // A regex route: the page is not part of the API, so the OpenAPI route list leaves it out. A regex route
        // has no prefix to strip, so the handler looks the whole path up under webroot/ (only webroot/tracer/ exists).
        StaticHandler files = StaticHandler.create("webroot").setIndexPage("index.html")
                .setCachingEnabled(true).setMaxAgeSeconds(300).setDirectoryListing(false);
        router.getWithRegex("/tracer/(?!v1/).*").handler(this::headers).handler(files);
    }

    private void headers(RoutingContext ctx) {
        ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer").putHeader("X-Frame-Options", "DENY");
        ctx.next();
    }

    private void places(RoutingContext ctx) {
        Map<String, String> byId = new TreeMap<>();
        for (Place p : config.places().values()) {
            byId.put(p.id(), p.name());
        }
        JsonArray list = new JsonArray();
        byId.forEach((id, name) -> list.add(new JsonObject().put("id", id).put("name", name)));
        tracer.audit(ctx, list.size() + " rows");
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("places", list).put("timeZone", config.tracer().timeZone().getId())
                        .toBuffer());
    }

    private void documentHash(RoutingContext ctx) {
        if (hasher == null) {
            tracer.audit(ctx, "document_key_not_configured");
            throw NO_DOCUMENT_KEY.exception();
        }
        JsonObject body;
        try {
            body = ctx.body().buffer() == null ? null : ctx.body().buffer().toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        DocumentType type = body == null ? null : DocumentType.ofWire(body.getValue("type"));
        Object number = body == null ? null : body.getValue("number");
        String canonical = type != null && number instanceof String s ? type.canonical(s) : null;
        if (canonical == null) {
            tracer.audit(ctx, "invalid_document");
            throw ApiError.badRequest("invalid_document", "Give {\"type\": one of " + DocumentType.wireNames()
                    + ", \"number\": a number of that type}.").exception();
        }
        tracer.audit(ctx, "hashed " + type.wire());
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("hash", hasher.hash(type, canonical).hash()).toBuffer());
    }
}
