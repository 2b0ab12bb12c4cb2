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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
        return upload(length, sent, new AtomicReference<>());
    }

    /** Opens an upload as {@link #upload(int, int)} does, its answer's body read into {@code answer} from the start. */
    private HttpClientRequest upload(int length, int sent, AtomicReference<Future<Buffer>> answer) {
        return Gateways.await(http.request(HttpMethod.POST, Routes.VERIFY_IMAGE).map(r -> {
            // On the event loop, before the head goes out: a reader attached later from the test's thread races
            // the loop delivering an early answer (its end was then lost, and the test timed out).
            answer.set(r.response().compose(HttpClientResponse::body));
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
        AtomicReference<Future<Buffer>> answer = new AtomicReference<>();
        HttpClientRequest request = upload(MAX, 1024, answer);
        Future<Buffer> body = answer.get();
        HttpClientResponse response = Gateways.await(request.response());
        assertThat(response.statusCode()).isEqualTo(408); // the body never completed: the client's fault
        eventuallyUsed(0); // while the client still holds its body open
        request.end(Buffer.buffer(new byte[MAX - 1024])); // the client completes the answer once it has ended
        assertThat(Gateways.await(body).toJsonObject().getString("error")).isEqualTo("client_timeout");
        assertThat(used()).isZero();
    }

    @Test
    void budgetFull_chunkedBodyRefused503_andEverythingReturned() {
        deploy(Map.of());
        HttpClientRequest a = upload(MAX, 100);
        HttpClientRequest b = upload(MAX, 100);
        eventuallyUsed(BUDGET);
        AtomicReference<Future<Buffer>> answer = new AtomicReference<>();
        HttpClientRequest chunked = Gateways.await(http.request(HttpMethod.POST, Routes.VERIFY_IMAGE).map(r -> {
            // The body reader is in place before the head goes out (see upload): the 503 comes back at once.
            answer.set(r.response().compose(HttpClientResponse::body));
            r.setChunked(true).putHeader("Content-Type", "image/png");
            r.write(Buffer.buffer(new byte[1024]));
            return r;
        }));
        Future<Buffer> body = answer.get();
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
