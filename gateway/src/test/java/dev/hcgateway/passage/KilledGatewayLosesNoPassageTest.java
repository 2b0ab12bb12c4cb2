package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.Main;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.PgDatabase;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway process killed with SIGKILL right after its answers: once restarted on the same journal, every
 * passage it answered reaches the store, each once: the scans', and an offline gate's backlog answered 200.
 */
class KilledGatewayLosesNoPassageTest {

    private static final int OFFLINE = 500;

    @TempDir
    Path journal;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Process start(int port, String url) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().keySet().removeIf(k -> k.startsWith("HC_"));
        builder.environment().put("HC_HTTP_PORT", String.valueOf(port));
        builder.environment().put("HC_HTTP_HOST", "127.0.0.1");
        builder.environment().put("HC_HTTP_INSTANCES", "1");
        builder.environment().put("HC_DEMO", "true"); // the bundled demo trust list, said so on purpose
        builder.environment().put("HC_PASSAGES_JOURNAL", journal.toString());
        builder.environment().put("HC_PASSAGES_URL", url);
        builder.redirectErrorStream(true).redirectOutput(journal.resolve("gateway.log").toFile());
        Process process = builder.start();
        Eventually.within(Duration.ofSeconds(90), "the gateway ready", () -> status(port, "/health/ready") == 200);
        return process;
    }

    private int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private String verify(int port, String code, String gate) throws Exception {
        String body = "{\"code\":\"" + code + "\",\"scene\":\"metro\",\"gate\":\"" + gate + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void sigkillRightAfterAnswers_afterRestartEveryAnsweredPassageIsStored() throws Exception {
        int port = 27000 + ThreadLocalRandom.current().nextInt(900);
        try (PgDatabase db = new PgDatabase()) {
            Process first = start(port, db.url());
            MintedCodes codes = new MintedCodes(System.currentTimeMillis() / 1000);
            int answered = 0;
            for (int i = 0; i < 50; i++) {
                assertThat(verify(port, codes.valid(Colour.GREEN), "SH-L2-G" + (i % 5))).contains("\"decision\"");
                answered++;
            }
            // An offline gate's backlog, answered 200 just before the kill: the gate deletes its copy on that answer.
            StringBuilder offline = new StringBuilder("{\"gate\":\"SH-L2-G9\",\"passages\":[");
            long now = System.currentTimeMillis();
            for (int i = 0; i < OFFLINE; i++) {
                offline.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"at\":")
                        .append(now - 3_600_000 + i).append(",\"decision\":\"pass\",\"reason\":\"ok\"}");
            }
            HttpResponse<String> taken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v1/passages/offline")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(offline.append("]}").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
            assertThat(taken.body()).contains("\"accepted\":" + OFFLINE);
            answered += OFFLINE;
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long before = db.rows("passages");
            assertThat(before).isLessThanOrEqualTo(answered);

            Process second = start(port, db.url());
            try {
                int total = answered;
                Eventually.within(Duration.ofSeconds(60), "every answered passage stored",
                        () -> db.rows("passages") == total);
                assertThat(db.count("SELECT count(DISTINCT id) FROM passages")).isEqualTo(answered);
                assertThat(db.count("SELECT count(*) FROM passages WHERE offline")).isEqualTo(OFFLINE);
            } finally {
                second.destroyForcibly();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
