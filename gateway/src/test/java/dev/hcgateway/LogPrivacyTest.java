package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.metrics.Telemetry;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No personal data in the logs: the whole gateway (as Main wires it) serves verify and admin calls carrying
 * codes and subjects, with the gateway's own loggers at DEBUG; no log event may contain a code's text or a
 * subject.
 */
class LogPrivacyTest {

    private static final String TOKEN = "privacy-test-admin-token";
    private final PrometheusMeterRegistry registry = Telemetry.registry();
    private final Vertx vertx = Telemetry.vertx(registry, new VertxOptions());
    private final Vertx clientVertx = Vertx.vertx();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<String> secrets = new ArrayList<>();
    private Logger root;
    private Logger own;
    private Level ownLevel;
    private WebClient client;

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        own = context.getLogger("dev.hcgateway");
        ownLevel = own.getLevel();
        own.setLevel(Level.DEBUG);
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);

        GatewayConfig config = Gateways.config(Map.of("http.port", 0, "http.host", "127.0.0.1",
                "http.instances", 2, "admin.token", TOKEN, "trust.file", TestData.trustFile(dir).toString()));
        GatewayVerticle gateway = new GatewayVerticle(config, new MutableClock(TestData.VECTORS_NOW), registry);
        vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        client = WebClient.create(clientVertx, new WebClientOptions().setDefaultPort(gateway.port())
                .setDefaultHost("127.0.0.1"));
    }

    @AfterEach
    void tearDown() throws Exception {
        clientVertx.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        root.detachAppender(captured);
        own.setLevel(ownLevel);
    }

    private String code(String subject, long issuedAt, long expiresAt) {
        CodeClaims claims = CodeClaims.typical("330100", subject, Colour.GREEN, issuedAt, expiresAt - issuedAt,
                new SplittableRandom(subject.hashCode()));
        String code = TestData.minter("330100").mint(claims);
        secrets.add(code);
        secrets.add(code.substring(5, 40)); // any sizeable fragment of the Base45 text
        secrets.add(subject);
        return code;
    }

    private int post(String path, JsonObject body, boolean admin) throws Exception {
        var request = client.post(path);
        if (admin) {
            request.putHeader("Authorization", "Bearer " + TOKEN);
        }
        return request.sendJsonObject(body).await(5, TimeUnit.SECONDS).statusCode();
    }

    @Test
    void verifyAndAdminCalls_logNoCodeTextAndNoSubject() throws Exception {
        long now = TestData.VECTORS_NOW;
        assertThat(post("/v1/verify", new JsonObject().put("code", code("s-privacy-valid-01", now - 10, now + 3600)),
                false)).isEqualTo(200);
        assertThat(post("/v1/verify", new JsonObject().put("code", code("s-privacy-expired-02", now - 9000, now - 5000)),
                false)).isEqualTo(200);
        String forged = code("s-privacy-forged-03", now, now + 3600);
        String flipped = forged.substring(0, forged.length() - 3) + (forged.endsWith("A") ? "B" : "A") + "00";
        secrets.add(flipped);
        assertThat(post("/v1/verify", new JsonObject().put("code", flipped), false)).isEqualTo(200);
        secrets.add("HCN1:s-privacy-garbage-04");
        assertThat(post("/v1/verify", new JsonObject().put("code", "HCN1:s-privacy-garbage-04"), false))
                .isEqualTo(200);
        secrets.add("s-privacy-badscene-05");
        assertThat(post("/v1/verify", new JsonObject().put("code", "s-privacy-badscene-05").put("scene", "moon"),
                false)).isEqualTo(400);

        byte[] codeId = new byte[12];
        new SplittableRandom(5).nextBytes(codeId);
        assertThat(post("/admin/v1/revocations", new JsonObject().put("codeId", HexFormat.of().formatHex(codeId)),
                true)).isEqualTo(200);
        secrets.add("s-privacy-revoked-06");
        assertThat(post("/admin/v1/revocations", new JsonObject().put("subject", "s-privacy-revoked-06")
                .put("issuedBefore", now), true)).isEqualTo(200);
        secrets.add("s-privacy-invalidated-07");
        assertThat(post("/admin/v1/invalidations", new JsonObject().put("subjects",
                new JsonArray().add("s-privacy-invalidated-07")), true)).isEqualTo(200);
        secrets.add("s-privacy-unauthorized-08");
        assertThat(post("/admin/v1/invalidations", new JsonObject().put("subjects",
                new JsonArray().add("s-privacy-unauthorized-08")), false)).isEqualTo(401);

        // The capture works (start-up logged through it), so an empty result below is not vacuous.
        assertThat(captured.list).anyMatch(e -> e.getFormattedMessage().contains("gateway listening"));
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage() + " " + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(text).as("log event of %s", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }
}
