package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.QrImages;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 1,000 uploads at once, every one with its body half sent: the body budget (small here, so the test is cheap)
 * refuses what it cannot hold with 503 before buffering it, never holds more than its limit, serves every
 * {@code /v1/verify} meanwhile, and gets every byte back. The gateway before the budget buffered all 1,000
 * bodies and answered none of them until they ended.
 */
class UploadFloodKeepsHeapBoundedTest {

    /** Handshakes and floods on a loaded machine: longer than the shared 10 s wait. */
    private static final Duration SLOW = Duration.ofSeconds(90);

    private static final long NOW = 1_795_300_000L;
    private static final int UPLOADS = 1_000;
    private static final int BODY = 24 * 1024;
    private static final int BUDGET = 256 * 1024;
    private static final int HELD = BUDGET / BODY; // 10 bodies fit at once

    private final MintedCodes codes = new MintedCodes(NOW);
    private Vertx server;
    private Vertx clients;
    private Gateways.Deployed gateway;
    private HttpClient http;

    @BeforeEach
    void deploy() {
        server = Vertx.vertx();
        clients = Vertx.vertx();
        gateway = Gateways.await(Gateways.deploy(server, new MutableClock(NOW), Map.of(
                "image.maxBytes", 32 * 1024,
                "image.bodyBudgetBytes", BUDGET,
                // Longer than the test holds the bodies (a shared, loaded machine takes tens of seconds for 1,000
                // connections): every early answer must be the budget's, not a timeout; and every held image is
                // decoded in full, not cut short by the decode budget (422).
                "image.requestTimeoutMs", 60_000,
                "image.decodeBudgetMs", 50_000,
                // Every upload comes from 127.0.0.1 and holds its body on purpose: neither the per-address cap
                // nor the minimum body rate (both guard against exactly this from a real client) may step in.
                "http.maxConnectionsPerAddress", 4 * UPLOADS,
                "http.minBodyBytesPerSecond", 1)));
        http = clients.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port()), new PoolOptions().setHttp1MaxSize(UPLOADS + 100));
    }

    @AfterEach
    void close() throws Exception {
        clients.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        server.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** A real QR PNG padded to {@link #BODY} bytes (ImageIO stops at IEND; the header check reads the front). */
    private byte[] image() {
        return Arrays.copyOf(QrImages.encode(QrImages.render(codes.valid(Colour.GREEN), 240), "png"), BODY);
    }

    @Test
    void thousandConcurrentUploads_budgetNeverPassed_refusedAt503_verifiesAnswered() {
        byte[] png = image();
        Map<Integer, HttpClientResponse> early = new ConcurrentHashMap<>();
        List<Future<HttpClientRequest>> requests = new ArrayList<>();
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            int n = i;
            Future<HttpClientRequest> request = http.request(HttpMethod.POST, Routes.VERIFY_IMAGE + "?scene=airport")
                    .map(r -> {
                        r.putHeader("Content-Type", "image/png").putHeader("Content-Length", Integer.toString(BODY));
                        r.write(Buffer.buffer(Arrays.copyOf(png, BODY / 2))); // head and half the body
                        return r;
                    });
            requests.add(request);
            answers.add(request.compose(HttpClientRequest::response).compose(r -> {
                early.put(n, r);
                return r.body().map(b -> new Answer(r.statusCode(), r.getHeader("Retry-After"), b.toString()));
            }));
        }
        // Every upload the budget cannot hold is answered while its body is still on the way.
        Eventually.within(Duration.ofSeconds(50), "uploads past the budget answered before their bodies ended",
                () -> early.size() >= UPLOADS - HELD);
        assertThat(gateway.gauge("hc_image_body_bytes")).isLessThanOrEqualTo(BUDGET);

        // The gates are served meanwhile.
        List<Future<Integer>> verifies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            verifies.add(http.request(HttpMethod.POST, Routes.VERIFY).compose(r -> r.send(new JsonObject()
                    .put("code", codes.valid(Colour.GREEN)).put("scene", "metro").toBuffer()))
                    .compose(r -> r.body().map(b -> r.statusCode())));
        }
        await(Future.all(verifies), SLOW);
        verifies.forEach(v -> assertThat(v.result()).isEqualTo(200));

        // Now the bodies end; the held uploads are decoded and judged.
        byte[] rest = Arrays.copyOfRange(png, BODY / 2, BODY);
        requests.forEach(r -> r.result().end(Buffer.buffer(rest)));
        await(Future.all(answers), SLOW);

        List<Answer> all = answers.stream().map(Future::result).toList();
        assertThat(all).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isIn(200, 503);
            if (a.status() == 503) {
                assertThat(a.body()).contains("image_busy");
                assertThat(a.retryAfter()).isEqualTo("1");
            }
        });
        assertThat(all.stream().filter(a -> a.status() == 200)).as("held uploads decoded").isNotEmpty();
        assertThat(gateway.counted("hc_image_body_refused")).isGreaterThanOrEqualTo(UPLOADS - HELD);
        assertThat(gateway.gauge("hc_image_body_peak_bytes")).isLessThanOrEqualTo(BUDGET).isPositive();
        Eventually.within(Duration.ofSeconds(10), "every reserved byte returned",
                () -> gateway.gauge("hc_image_body_bytes") == 0);
    }

    private record Answer(int status, String retryAfter, String body) {
    }
}
