package dev.hcgateway.tracer;

import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.PgDatabase;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole gateway for officer tests: a database of its own, identity providers ({@link #provider}) whose public keys
 * make the JWKS file {@code tracer.jwks}, and a {@link PassageGateway} over both ({@link #start}).
 */
final class OfficerGateway implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final Path dir;
    final PgDatabase db = new PgDatabase();
    final Path jwks;
    PassageGateway gw;

    OfficerGateway() throws Exception {
        dir = Files.createTempDirectory("hc-officers");
        jwks = dir.resolve("jwks.json");
    }

    /** Returns a new identity provider with its own key ({@code ES256} or {@code RS256}). */
    IdentityProvider provider(String alg, String kid) throws Exception {
        return new IdentityProvider(vertx, alg, kid);
    }

    /** Writes the JWKS of these providers and deploys the gateway, with these settings on top. */
    PassageGateway start(List<IdentityProvider> providers, Map<String, Object> overrides) throws Exception {
        IdentityProvider.writeJwks(jwks, providers);
        Map<String, Object> all = new HashMap<>(overrides);
        all.put("tracer.jwks", jwks.toString());
        gw = new PassageGateway(dir.resolve("journal"), db.url(), all);
        return gw;
    }

    @Override
    public void close() throws Exception {
        if (gw != null) {
            gw.close();
        }
        db.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
