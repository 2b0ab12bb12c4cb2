package dev.hcgateway.tracer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells who sent a tracer request, from its {@code Authorization: Bearer} header: the shared tracer token
 * (compared in constant time) is {@link Officer#SHARED}; anything else must be a JWT signed by one of the identity
 * provider's keys ({@link OfficerKeys}), checked by Vert.x's JWT support, with {@code sub}, a future {@code exp}
 * (by the gateway's clock, 30 s of leeway) and {@code roles}. Everything else is 401, the admin token included.
 *
 * <p>Signatures are checked on a worker thread: an ES256 check by the JDK costs about a millisecond of CPU, which an
 * event loop serving gates must not spend, least of all for tokens anyone can send. At most {@value #MAX_CHECKS}
 * checks run at once per router; more are refused at once ({@code 503 tracer_busy}), so forged tokens cannot take
 * the worker pool the journal and the shipper need.
 */
final class Officers {

    /** Clock skew tolerated on {@code exp} and {@code nbf} between the identity provider and the gateway. */
    static final long LEEWAY_SECONDS = 30;
    private static final int MAX_TOKEN = 8192;
    static final int MAX_CHECKS = 4;
    private static final Refusal BUSY = Refusal.unavailable("tracer_busy",
            "Too many officer tokens are being checked; retry shortly.", 1);

    private final Vertx vertx;
    private final byte[] shared;
    private final OfficerKeys keys;
    private final Clock clock;
    private final AtomicInteger checking = new AtomicInteger();

    /** Creates the check over the shared token (null: none) and the provider's keys (null: none). */
    Officers(Vertx vertx, String sharedToken, OfficerKeys keys, Clock clock) {
        this.vertx = vertx;
        this.shared = sharedToken == null ? null : sharedToken.getBytes(StandardCharsets.UTF_8);
        this.keys = keys;
        this.clock = clock;
    }

    /** Returns the officer of an {@code Authorization} header, or fails with the refusal to answer. */
    Future<Officer> authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() > MAX_TOKEN) {
            return Future.failedFuture(Refusal.UNAUTHORIZED.exception());
        }
        String token = authorization.substring(7);
        if (shared != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), shared)) {
            return Future.succeededFuture(Officer.SHARED);
        }
        // Three non-empty parts, or no JWT at all: an unsigned token ("alg": "none", two parts) never reaches the check.
        if (keys == null || !token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            return Future.failedFuture(Refusal.UNAUTHORIZED.exception());
        }
        if (checking.incrementAndGet() > MAX_CHECKS) {
            checking.decrementAndGet();
            return Future.failedFuture(BUSY.exception());
        }
        return keys.verifier().compose(auth -> vertx.executeBlocking(() -> verify(auth, token), false))
                .compose(officer -> officer == null ? Future.failedFuture(Refusal.UNAUTHORIZED.exception())
                        : Future.succeededFuture(officer))
                .onComplete(ar -> checking.decrementAndGet());
    }

    /** Verifies a token's signature and claims (blocking: a worker's job); returns null on any failure. */
    private Officer verify(JWTAuth auth, String token) {
        try {
            // The check itself runs in the call: the future it returns is already complete.
            Future<User> user = auth.authenticate(new TokenCredentials(token));
            return user.succeeded() ? officer(user.result().attributes().getJsonObject("accessToken")) : null;
        } catch (RuntimeException e) {
            return null; // e.g. a claim of the wrong type, met while reading the token
        }
    }

    /** Returns the officer of verified claims, or null when a claim is missing, malformed or out of time. */
    private Officer officer(JsonObject claims) {
        if (claims == null) {
            return null;
        }
        long now = clock.millis() / 1000;
        Object sub = claims.getValue("sub");
        Object name = claims.getValue("name", sub);
        Object exp = claims.getValue("exp");
        Object nbf = claims.getValue("nbf", now);
        if (!(sub instanceof String id) || !Params.printable(id, 128) || !(name instanceof String shown)
                || !Params.printable(shown, 256) || !(exp instanceof Number expires) || !(nbf instanceof Number notBefore)
                || now >= expires.longValue() + LEEWAY_SECONDS || now + LEEWAY_SECONDS < notBefore.longValue()) {
            return null;
        }
        Set<Officer.Role> roles = EnumSet.noneOf(Officer.Role.class);
        if (claims.getValue("roles") instanceof JsonArray granted) {
            for (Officer.Role role : Officer.Role.values()) {
                if (granted.contains(role.wire())) {
                    roles.add(role);
                }
            }
        }
        return new Officer(id, shown, roles);
    }
}
