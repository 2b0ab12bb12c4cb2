package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.TestData;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first verify a freshly started gateway sees (no other request before it, sent the moment it listens) is
 * judged, never shed for its own class loading and JIT: 10 starts of the real {@code Main} in a JVM of its own,
 * with the shipped defaults, warm-up on (the request lands while it runs) and off.
 */
class FirstVerifyOfAFreshGatewayIsJudgedTest {

    private static final int STARTS = 10;

    @TempDir
    Path dir;

    @Test
    void firstVerifyOfAFreshGateway_isJudged_tenOfTen() throws Exception {
        Path trust = dir.resolve("trust.json");
        Files.write(trust, TestData.resource("trust.json"));
        Random random = new Random(11);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            long now = System.currentTimeMillis() / 1000;
            String code = TestData.minter("330100")
                    .mint(CodeClaims.typical("330100", "s-first-" + i, Colour.GREEN, now, 600, random));
            answers.add(firstAnswer(trust, code, i % 2 == 0 ? "20" : "0"));
        }
        assertThat(answers).as("the first answer of each fresh gateway").allSatisfy(a -> assertThat(a).startsWith("200"));
    }

    /** Starts a gateway, sends one verify as soon as it says it listens, returns "status body", stops it. */
    private static String firstAnswer(Path trust, String code, String warmupSeconds) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--trust", trust.toString(), "--port", Integer.toString(port));
        builder.environment().keySet().removeIf(k -> k.startsWith("HC_"));
        builder.environment().put("HC_HTTP_HOST", "127.0.0.1");
        builder.environment().put("HC_HTTP_WARMUP_SECONDS", warmupSeconds);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            boolean listening = false;
            while (!listening && (line = lines.readLine()) != null) {
                listening = line.contains("gateway listening on");
            }
            assertThat(listening).as("the gateway said it listens").isTrue();
            Thread drain = new Thread(() -> lines.lines().forEach(l -> { })); // keep its pipe from filling
            drain.setDaemon(true);
            drain.start();
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/verify"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"scene\":\"venue\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + answer.body();
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
