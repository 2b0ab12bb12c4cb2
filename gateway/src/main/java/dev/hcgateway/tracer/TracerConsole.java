package dev.hcgateway.tracer;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.document.DocumentHasher;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.Place;
import io.vertx.core.Future;
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
 * Serves the tracer console: its static page ({@code /tracer/}, from the jar, behind a strict Content-Security-Policy,
 * revalidated on every load) and the calls only the page needs: who the officer is, the configured places, and the
 * keyed hash of a document number (a query naming a person: case required, audited). A number is read from the body,
 * hashed and forgotten: never logged, never in a URL, never in the audit.
 */
final class TracerConsole {

    static final String ME = "/tracer/v1/me";
    static final String PLACES = "/tracer/v1/places";
    static final String DOCUMENT_HASH = "/tracer/v1/document-hash";
    /** No inline script or style, nothing from another origin, no framing: the page is its own three files. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Refusal NO_DOCUMENT_KEY = Refusal.unavailable("document_key_not_configured",
            "No document key is configured on this gateway (HC_DOCUMENT_KEY).", 0);

    private final TracerApi api;
    private final GatewayConfig config;
    private final DocumentHasher hasher;

    TracerConsole(TracerApi api, GatewayConfig config) {
        this.api = api;
        this.config = config;
        String key = config.document().key();
        this.hasher = key == null ? null : new DocumentHasher(key);
    }

    /** Mounts the page and its calls. */
    void mount(Router router) {
        router.get(ME).handler(this::me);
        router.get(PLACES).handler(this::places);
        router.post(DOCUMENT_HASH).handler(BodyHandler.create(false).setBodyLimit(1024)).handler(this::documentHash);
        router.getWithRegex("/tracer").handler(ctx -> ctx.redirect("/tracer/")); // a regex: "/tracer" as a path matches "/tracer/" too
        // A regex route: the page is not part of the API, so the OpenAPI route list leaves it out. A regex route
        // has no prefix to strip, so the handler looks the whole path up under webroot/ (only webroot/tracer/ exists).
        // Caching on for Last-Modified and 304s; the Cache-Control set before it stands (it only adds one if absent).
        StaticHandler files = StaticHandler.create("webroot").setIndexPage("index.html").setCachingEnabled(true)
                .setDirectoryListing(false);
        router.getWithRegex("/tracer/(?!v1/).*").handler(this::headers).handler(files);
        router.headWithRegex("/tracer/(?!v1/).*").handler(this::headers).handler(files);
    }

    /**
     * Sets the page's security headers, and {@code no-cache}: the files keep their names from one release to the next,
     * so a browser must ask each time whether they changed (a 304 when not), never keep an old script for minutes.
     */
    private void headers(RoutingContext ctx) {
        ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer").putHeader("X-Frame-Options", "DENY")
                .putHeader("Cache-Control", "no-cache");
        ctx.next();
    }

    /** Answers who the officer is and may do; no store is asked, nothing about a person is shown: not audited. */
    private void me(RoutingContext ctx) {
        api.officer(ctx, null).map(officer -> new JsonObject().put("officer", officer.id()).put("name", officer.name())
                .put("roles", new JsonArray(officer.roles().stream().map(Officer.Role::wire).sorted().toList())))
                .onComplete(ar -> api.replies().send(ctx, ar));
    }

    /** Answers the configured places and the display zone: configuration, not passages, so not audited. */
    private void places(RoutingContext ctx) {
        api.officer(ctx, null).map(officer -> {
            Map<String, String> byId = new TreeMap<>();
            for (Place p : config.places().values()) {
                byId.put(p.id(), p.name());
            }
            JsonArray list = new JsonArray();
            byId.forEach((id, name) -> list.add(new JsonObject().put("id", id).put("name", name)));
            return new JsonObject().put("places", list).put("timeZone", config.tracer().timeZone().getId());
        }).onComplete(ar -> api.replies().send(ctx, ar));
    }

    private void documentHash(RoutingContext ctx) {
        api.officer(ctx, Officer.Role.TRACER).compose(officer -> {
            JsonObject body;
            try {
                body = ctx.body().buffer() == null ? null : ctx.body().buffer().toJsonObject();
            } catch (DecodeException | ClassCastException e) {
                body = null;
            }
            String caseId = Params.caseOf(body == null ? null : body.getValue("case"));
            DocumentType type = body == null ? null : DocumentType.ofWire(body.getValue("type"));
            Object number = body == null ? null : body.getValue("number");
            String canonical = type != null && number instanceof String s ? type.canonical(s) : null;
            if (canonical == null) {
                throw Refusal.badRequest("invalid_document", "Give {\"type\": one of " + DocumentType.wireNames()
                        + ", \"number\": a number of that type, \"case\": the case}.").exception();
            }
            if (hasher == null) {
                throw NO_DOCUMENT_KEY.exception();
            }
            String hash = hasher.hash(type, canonical).hash();
            return api.answered(officer, new HashQuery(type.wire(), caseId),
                    () -> Future.succeededFuture(new Answer(new JsonObject().put("hash", hash), 1)));
        }).onComplete(ar -> api.replies().send(ctx, ar));
    }
}
