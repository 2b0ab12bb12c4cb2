package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Eventually;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start-up as an operator sees it: the real {@code Main} in its own JVM, with a bad environment. */
class MainProcessTest {

    private static Process start(String variable, String value, String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("HC_"));
        builder.environment().put(variable, value);
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** Waits until a GET of the URI answers 200 (the process starts in its own time). */
    private static void answers200(URI uri, String what) {
        HttpClient client = HttpClient.newHttpClient();
        Eventually.within(Duration.ofSeconds(60), what, () -> {
            try {
                return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void main_badEnvironmentValue_exitsWithCode2NamingTheKeyOnce() throws Exception {
        Process process = start("HC_HTTP_MAX_IN_FLIGHT", "lots");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(output).contains("configuration error: http.maxInFlight:").contains("\"lots\"")
                .contains("HC_HTTP_MAX_IN_FLIGHT");
        assertThat(output.split("configuration error", -1)).as("the error is printed once, not also logged").hasSize(2);
    }

    @Test
    void serve_demoAndPortOptions_listensOnThatPortAndSaysDemoLoudly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process process = start("HC_HTTP_HOST", "127.0.0.1", "serve", "--demo", "--port", Integer.toString(port));
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            boolean demoWarned = false;
            while (!demoWarned && (line = lines.readLine()) != null) {
                demoWarned = line.contains("\"WARN\"") && line.contains("DEMO TRUST LIST IN USE");
            }
            assertThat(demoWarned).as("a WARN line names the demo trust list").isTrue();
            answers200(URI.create("http://127.0.0.1:" + port + "/health/live"), "the gateway answers on --port");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void serveDemo_judgesADccMintedWithTheDemoSigner_passAtTheAirport() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun mint = CliRun.of("mint", "--format", "dcc", "--key", "../config/demo/XD-dsc.key", "--cert",
                "../config/demo/XD-dsc.pem", "--issuer", "XD", "--subject", "URN:UVCI:01:XD:DEMO-E2E");
        assertThat(mint.rc()).as(mint.err()).isZero();
        String dcc = mint.out().strip();
        assertThat(dcc).startsWith("HC1:");
        Process process = start("HC_HTTP_HOST", "127.0.0.1", "serve", "--demo", "--port", Integer.toString(port));
        try {
            answers200(URI.create("http://127.0.0.1:" + port + "/health/ready"), "the demo gateway is ready");
            HttpClient client = HttpClient.newHttpClient();
            String body = "{\"code\": \"" + dcc + "\", \"scene\": \"airport\", \"gate\": \"PVG-T2-G1\"}";
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v1/verify")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"decision\":\"pass\"").contains("\"kind\":\"dcc\"")
                    .contains("\"issuer\":\"XD\"").contains("\"certificateType\":\"vaccination\"");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
