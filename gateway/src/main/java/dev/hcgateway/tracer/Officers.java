package dev.hcgateway.tracer;

import io.vertx.core.Future;
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

/**
 * Tells who sent a tracer request, from its {@code Authorization: Bearer} header: the shared tracer token
 * (compared in constant time) is {@link Officer#SHARED}; anything else must be a JWT signed by one of the identity
 * provider's keys ({@link OfficerKeys}), checked by Vert.x's JWT support, with {@code sub}, a future {@code exp}
 * (by the gateway's clock, 30 s of leeway) and {@code roles}. Everything else is 401, the admin token included.
 */
final class Officers {

    /** Clock skew tolerated on {@code exp} and {@code nbf} between the identity provider and the gateway. */
    static final long LEEWAY_SECONDS = 30;
    private static final int MAX_TOKEN = 8192;

    private final byte[] shared;
    private final OfficerKeys keys;
    private final Clock clock;

    /** Creates the check over the shared token (null: none) and the provider's keys (null: none). */
    Officers(String sharedToken, OfficerKeys keys, Clock clock) {
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
        return keys.verifier().compose(auth -> verify(auth, token));
    }

    /** Verifies a token's signature and claims; any failure, a library exception included, is a 401. */
    private Future<Officer> verify(JWTAuth auth, String token) {
        Future<User> user;
        try {
            user = auth.authenticate(new TokenCredentials(token));
        } catch (RuntimeException e) {
            user = Future.failedFuture(e); // e.g. a claim of the wrong type, met while reading the token
        }
        return user.transform(ar -> {
            Officer officer = ar.succeeded() ? officer(ar.result().attributes().getJsonObject("accessToken")) : null;
            return officer == null ? Future.failedFuture(Refusal.UNAUTHORIZED.exception())
                    : Future.succeededFuture(officer);
        });
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
