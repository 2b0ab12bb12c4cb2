package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Overload: ten times the in-flight limit arrives at once while the colour stage stalls. The excess must be
 * refused at once (503 + Retry-After, counted) while the admitted requests are still held, nothing may queue
 * behind the limit, and every admitted request must get its own correct answer.
 */
class OverloadTest {

    private static final int LIMIT = 8;
    private static final int OFFERED = 10 * LIMIT;

    private final ServerFixture fixture = new ServerFixture();
    private final GatedColours stalledStore = new GatedColours();
    private Vertx clientVertx;
    private WebClient client;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        fixture.colours = stalledStore;
        port = fixture.with("http.maxInFlight", LIMIT).with("http.requestTimeoutMs", 30_000).start(2);
        clientVertx = Vertx.vertx();
        client = WebClient.create(clientVertx, new WebClientOptions().setDefaultPort(port)
                .setDefaultHost("127.0.0.1"), new PoolOptions().setHttp1MaxSize(OFFERED));
    }

    @AfterEach
    void tearDown() throws Exception {
        clientVertx.close().await(5, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void verify_tenTimesTheLimitAtOnce_excessShedAtOnceAdmittedAnsweredCorrectly() throws Exception {
        List<String> subjects = new ArrayList<>();
        List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
        for (int i = 0; i < OFFERED; i++) {
            String subject = "s-load-" + i;
            subjects.add(subject);
            answers.add(client.post(Routes.VERIFY).sendJsonObject(new JsonObject().put("code", fixture.code(subject))));
        }

        // Every refusal arrives while the admitted requests are still held by the stalled store: refused at
        // once, not after waiting for a slot.
        awaitTrue(() -> answers.stream().filter(Future::isComplete).count() == OFFERED - LIMIT);
        assertThat(stalledStore.waiting()).isEqualTo(LIMIT);
        assertThat(fixture.services.admission().inFlight()).isEqualTo(LIMIT);
        List<Integer> heldIndexes = new ArrayList<>();
        for (int i = 0; i < OFFERED; i++) {
            Future<HttpResponse<Buffer>> answer = answers.get(i);
            if (!answer.isComplete()) {
                heldIndexes.add(i);
                continue;
            }
            HttpResponse<Buffer> shed = answer.result();
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
            assertThat(shed.bodyAsJsonObject().getString("error")).isEqualTo("overloaded");
        }
        assertThat(heldIndexes).hasSize(LIMIT);

        stalledStore.release();
        for (int i : heldIndexes) {
            HttpResponse<Buffer> admitted = answers.get(i).await(10, TimeUnit.SECONDS);
            assertThat(admitted.statusCode()).isEqualTo(200);
            JsonObject body = admitted.bodyAsJsonObject();
            assertThat(body.getString("decision")).isEqualTo("pass");
            assertThat(body.getString("subject")).isEqualTo(subjects.get(i));
        }
        assertThat(fixture.services.admission().inFlight()).isZero();
        assertThat(fixture.registry.get("hc_requests_shed").counter().count()).isEqualTo(OFFERED - LIMIT);
        assertThat(fixture.registry.get("hc_requests_refused").tag("error", "overloaded").counter().count())
                .isEqualTo(OFFERED - LIMIT);
    }

    @Test
    void verify_afterTheStallClears_admitsAgain() throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            client.post(Routes.VERIFY).sendJsonObject(new JsonObject().put("code", fixture.code("s-a-" + i)));
        }
        awaitTrue(() -> stalledStore.waiting() == LIMIT);
        HttpResponse<Buffer> refused = client.post(Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", fixture.code("s-b"))).await(5, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(503);

        stalledStore.release();
        awaitTrue(() -> fixture.services.admission().inFlight() == 0);
        HttpResponse<Buffer> admitted = client.post(Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", fixture.code("s-c"))).await(5, TimeUnit.SECONDS);
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.bodyAsJsonObject().getString("subject")).isEqualTo("s-c");
    }

    @Test
    void verify_refusedAtTheBoundBeforeItsBodyIsRead_keepAliveConnectionStaysUsable() throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            client.post(Routes.VERIFY).sendJsonObject(new JsonObject().put("code", fixture.code("s-k-" + i)));
        }
        awaitTrue(() -> stalledStore.waiting() == LIMIT);
        try (RawHttp connection = new RawHttp(port)) {
            String big = new JsonObject().put("code", fixture.code("s-k-x")).put("gate", "G".repeat(100)).encode();
            assertThat(connection.post(Routes.VERIFY, big)).startsWith("HTTP/1.1 503")
                    .containsIgnoringCase("retry-after: 1").contains("\"overloaded\"");
            assertThat(connection.post(Routes.VERIFY, big)).startsWith("HTTP/1.1 503");
            assertThat(connection.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
        }
        stalledStore.release();
    }

    /** Polls an asynchronous effect until it holds, failing after a deadline (no fixed sleeps). */
    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
