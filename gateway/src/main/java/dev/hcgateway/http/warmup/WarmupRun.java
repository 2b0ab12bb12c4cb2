package dev.hcgateway.http.warmup;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.config.TlsConfig;
import dev.hcgateway.http.Routes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One warm-up: a few keep-alive connections to the gateway's own port, each sending the next synthetic verify as
 * soon as the last is answered, in rounds of {@link #ROUND}. Few at a time, so that its batches on a loop stay far
 * below the shedding target and a real request arriving meanwhile waits behind no more than a couple of them.
 * It ends when the JIT has gone quiet (two rounds in a row each compiled for less than {@link #QUIET_MS}, after
 * at least {@link #MIN_REQUESTS}), or at its time bound.
 */
final class WarmupRun {

    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    /** C2 compiles a method after thousands of calls: fewer requests cannot have compiled the hot path. */
    static final int MIN_REQUESTS = 4000;
    static final int ROUND = 500;
    static final long QUIET_MS = 15;
    private static final long RETRY_MS = 50;

    private final Vertx vertx;
    private final GatewayConfig config;
    private final int port;
    private final String token;
    private final List<String> bodies;
    private final long deadline;
    private final BooleanSupplier mirrorServing;
    private final BooleanSupplier othersServed;
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final Promise<JsonObject> finished = Promise.promise();
    private final long start = System.nanoTime();
    private HttpClientAgent client;
    private int judged;
    private int refused;
    private int quietRounds;
    private long compiledAtRound;

    WarmupRun(Vertx vertx, GatewayConfig config, int port, String token, List<String> codes, String scene,
              long seconds, BooleanSupplier mirrorServing, BooleanSupplier othersServed) {
        this.vertx = vertx;
        this.config = config;
        this.port = port;
        this.token = token;
        this.bodies = codes.stream().map(c -> new JsonObject().put("code", c).put("scene", scene).encode()).toList();
        this.deadline = start + seconds * 1_000_000_000L;
        this.mirrorServing = mirrorServing;
        this.othersServed = othersServed;
    }

    /** Runs the warm-up; completes with its report, never failing. */
    Future<JsonObject> run() {
        TlsConfig tls = config.http().tls();
        if (tls.enabled() && tls.clientAuth() == TlsConfig.ClientAuth.REQUIRED) {
            // The gateway's own client has no device certificate: the handshake would fail.
            LOG.warn("no warm-up: client certificates are required (http.tls.clientAuth), so the gateway cannot call "
                    + "itself; the first requests after start are served by a cold JIT");
            return Future.succeededFuture(new JsonObject().put("skipped", "client certificates required"));
        }
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2000)
                .setMetricsName(Routes.WARMUP);
        if (tls.enabled()) {
            // Its own listener on loopback, whatever name its certificate carries.
            options.setSsl(true).setTrustAll(true).setVerifyHost(false);
        }
        int connections = 2 * Math.max(1, config.http().instances() > 0 ? config.http().instances()
                : Runtime.getRuntime().availableProcessors());
        client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections));
        compiledAtRound = compiled();
        whenServing(() -> {
            for (int i = 0; i < connections; i++) {
                next(i);
            }
        });
        return finished.future().eventually(() -> client.close());
    }

    /** Starts once the revocation mirror can be judged by: before, every verify would be refused not_ready. */
    private void whenServing(Runnable go) {
        if (mirrorServing.getAsBoolean()) {
            go.run();
        } else if (!over()) {
            vertx.setTimer(100, id -> whenServing(go));
        }
    }

    private void next(int stream) {
        if (over()) {
            return;
        }
        if (othersServed.getAsBoolean()) {
            vertx.setTimer(RETRY_MS, id -> next(stream)); // requests of others come first
            return;
        }
        String body = bodies.get((judged + refused + stream) % bodies.size());
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(host()).setPort(port)
                .setURI(Routes.VERIFY).putHeader("Content-Type", "application/json").putHeader(Warmup.HEADER, token);
        client.request(request).compose(r -> r.send(Buffer.buffer(body))).compose(r -> r.body().map(r.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result() == 200) {
                        judged++;
                        if (judged % ROUND == 0) {
                            round();
                        }
                        next(stream);
                    } else if (ar.succeeded() && ar.result() >= 400 && ar.result() < 500) {
                        finish("its requests were refused " + ar.result() + " (the gateway's configuration?)");
                    } else {
                        refused++; // shed, not ready, or a connection lost: try again shortly
                        vertx.setTimer(RETRY_MS, id -> next(stream));
                    }
                });
    }

    /** Ends the warm-up once the JIT went quiet for two rounds in a row, after enough requests. */
    private void round() {
        long now = compiled();
        quietRounds = now - compiledAtRound < QUIET_MS ? quietRounds + 1 : 0;
        compiledAtRound = now;
        if (judged >= MIN_REQUESTS && quietRounds >= 2) {
            finish("the JIT went quiet");
        }
    }

    private boolean over() {
        if (finished.future().isComplete()) {
            return true;
        }
        if (System.nanoTime() - deadline >= 0) {
            finish("http.warmupSeconds passed");
            return true;
        }
        return false;
    }

    private void finish(String why) {
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonObject report = new JsonObject().put("verifies", judged).put("seconds", Math.round(seconds * 10) / 10.0)
                .put("ended", why);
        if (finished.tryComplete(report)) {
            LOG.info("warm-up: {} synthetic verifies in {} s ({} refused or retried); {}", judged,
                    String.format("%.1f", seconds), refused, why);
        }
    }

    private long compiled() {
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Returns where to reach the gateway's own listener: loopback unless it listens on one address only. */
    private String host() {
        String host = config.http().host();
        return host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "127.0.0.1" : host;
    }
}
