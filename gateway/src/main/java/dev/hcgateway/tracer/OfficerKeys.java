package dev.hcgateway.tracer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity provider's signing keys, read from the JWKS file {@code tracer.jwks} on a worker thread and read again
 * when the file changes (time or size, looked at every {@code reloadMs}); a file that no longer reads keeps the last
 * good keys, logged and counted. Only ES256 (EC P-256) and RS256 (RSA) public signing keys are taken: an HMAC or
 * private key in the file is refused, so a token can never be checked with a secret an attacker could know.
 */
final class OfficerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(OfficerKeys.class);

    private final Vertx vertx;
    private final Path file;
    private final JWTOptions options;
    private final TracerMetrics metrics;
    private final Promise<JWTAuth> first = Promise.promise();
    private volatile JWTAuth current;
    private volatile String seen = "";

    OfficerKeys(Vertx vertx, Path file, JWTOptions options, TracerMetrics metrics) {
        this.vertx = vertx;
        this.file = file;
        this.options = options;
        this.metrics = metrics;
    }

    /** Reads the file now and then every {@code reloadMs} when it changed. */
    void start(long reloadMs) {
        check();
        vertx.setPeriodic(reloadMs, id -> check());
    }

    /** Returns the verifier of the current keys; before the first read ends, the read under way. */
    Future<JWTAuth> verifier() {
        JWTAuth auth = current;
        return auth != null ? Future.succeededFuture(auth) : first.future();
    }

    private void check() {
        vertx.executeBlocking(() -> {
            String stamp = Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file);
            if (stamp.equals(seen)) {
                return null;
            }
            JWTAuthOptions auth = new JWTAuthOptions().setJWTOptions(options);
            for (JsonObject key : signingKeys(new JsonObject(Files.readString(file)))) {
                auth.addJwk(key);
            }
            seen = stamp;
            return JWTAuth.create(vertx, auth);
        }, true).onSuccess(auth -> { // ordered: one read at a time
            if (auth != null) {
                LOG.info("officer keys read from {}", file);
                current = auth;
                first.tryComplete(auth);
            }
        }).onFailure(e -> {
            metrics.keysFailed();
            LOG.warn("officer keys not read from {} ({}); {}", file, e.getClass().getSimpleName(),
                    current == null ? "officer tokens are refused until it reads" : "the last good keys stay");
            if (current == null) {
                first.tryFail(Refusal.KEYS_UNAVAILABLE.exception());
            }
        });
    }

    /** Returns the ES256 and RS256 public signing keys of a JWKS, each with its algorithm named; none is an error. */
    static List<JsonObject> signingKeys(JsonObject jwks) {
        JsonArray keys = jwks.getJsonArray("keys");
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; keys != null && i < keys.size(); i++) {
            JsonObject key = keys.getJsonObject(i);
            String alg = switch (key.getString("kty", "")) {
                case "EC" -> "P-256".equals(key.getString("crv")) ? "ES256" : null;
                case "RSA" -> "RS256";
                default -> null;
            };
            boolean signing = key.getString("use", "sig").equals("sig");
            boolean publicOnly = !key.containsKey("d");
            if (alg != null && signing && publicOnly && alg.equals(key.getString("alg", alg))) {
                out.add(key.copy().put("alg", alg));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no ES256 or RS256 public signing key in the JWKS");
        }
        return out;
    }
}
