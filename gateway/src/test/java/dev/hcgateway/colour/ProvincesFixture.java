package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.support.FakeStore;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Two provinces, each with its own store on a real HTTP server: Guangdong's ({@value #GD}) and Shanghai's
 * ({@value #SH}). The fixture's {@code store} may serve as the default store for issuers not listed.
 */
abstract class ProvincesFixture extends ColourFixture {

    static final String GD = "440300";
    static final String SH = "310000";

    FakeStore gd;
    FakeStore sh;

    @BeforeEach
    void startProvinces() throws Exception {
        gd = await(new FakeStore().start(vertx));
        sh = await(new FakeStore().start(vertx));
    }

    @AfterEach
    void stopProvinces() throws Exception {
        await(gd.close());
        await(sh.close());
    }

    /** Creates the online stage with a store for each province and no default store, with config overrides. */
    OnlineColours provinces(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>();
        all.put("authority.url", "");
        all.put("authority.issuers", Map.of(GD, Map.of("url", gd.url()), SH, Map.of("url", sh.url())));
        all.putAll(overrides);
        return online(all);
    }

    OnlineColours provinces() {
        return provinces(Map.of());
    }

    /** Gives the subject a colour at each province's store, both answering after {@code latencyMs}. */
    void atBothStores(String subject, String gdColour, String shColour, long latencyMs) {
        gd.colours.put(subject, gdColour);
        sh.colours.put(subject, shColour);
        gd.latencyMs = latencyMs;
        sh.latencyMs = latencyMs;
    }

    /** Returns the claims of a valid code of {@code issuer} whose signed colour is a minute old. */
    static HealthCode code(String issuer, String subject, Colour snapshot) {
        return new HealthCode(issuer, subject, NOW - 10, NOW + 86_400, new byte[12], snapshot, NOW - 60,
                CodeKind.PERSONAL, null, false);
    }
}
