package dev.hcgateway.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Posts one change to a gateway's admin API and explains every way it can go wrong in a sentence that names
 * the URL: unreachable, no admin API (404: the gateway has no {@code HC_ADMIN_TOKEN}), wrong token (401).
 */
final class AdminClient {

    private final String baseUrl;
    private final String token;

    AdminClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /**
     * Gets {@code path} as a stream (a long download: 10 s to answer, then as long as it takes); throws
     * {@link CliFailure} unless 200. The caller closes the stream; a cut connection surfaces as an IOException.
     */
    java.io.InputStream download(String path) throws InterruptedException {
        URI uri = uri(path);
        HttpResponse<java.io.InputStream> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            response = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new CliFailure("cannot reach the gateway at " + baseUrl + ": no connection within 5 s");
        } catch (ConnectException e) {
            throw new CliFailure("cannot reach the gateway at " + baseUrl + ": connection refused (is it running, "
                    + "on this port?)");
        } catch (IOException e) {
            throw new CliFailure("cannot reach the gateway at " + baseUrl + ": " + GatewayCli.describe(e));
        }
        int status = response.statusCode();
        if (status != 200) {
            try (java.io.InputStream body = response.body()) {
                String text = new String(body.readNBytes(1000), java.nio.charset.StandardCharsets.UTF_8);
                throw new CliFailure(refusal(status) + ": " + text);
            } catch (IOException e) {
                throw new CliFailure(refusal(status));
            }
        }
        return response.body();
    }

    private URI uri(String path) {
        URI uri;
        try {
            uri = URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--url " + baseUrl + " is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new CliFailure("--url " + baseUrl + " is not an http(s) URL like http://localhost:8080");
        }
        return uri;
    }

    private String refusal(int status) {
        return switch (status) {
            case 404 -> "the gateway at " + baseUrl + " has no admin API (404): start it with HC_ADMIN_TOKEN set";
            case 401 -> "the gateway at " + baseUrl + " refused the token (401): use its HC_ADMIN_TOKEN";
            default -> "the gateway at " + baseUrl + " refused (" + status + ")";
        };
    }

    /** Posts {@code body} to {@code path}; prints the answer's status and body; throws {@link CliFailure} unless 2xx. */
    void post(String path, JsonObject body, PrintWriter out) throws InterruptedException {
        URI uri = uri(path);
        HttpResponse<String> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new CliFailure("cannot reach the gateway at " + baseUrl + ": no connection within 5 s");
        } catch (HttpTimeoutException e) {
            throw new CliFailure("the gateway at " + baseUrl + " did not answer within 10 s");
        } catch (ConnectException e) {
            throw new CliFailure("cannot reach the gateway at " + baseUrl + ": connection refused (is it running, "
                    + "on this port?)");
        } catch (IOException e) {
            throw new CliFailure("cannot reach the gateway at " + baseUrl + ": " + GatewayCli.describe(e));
        }
        out.println(response.statusCode() + " " + response.body());
        out.flush();
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new CliFailure(status == 404 || status == 401 ? refusal(status)
                    : "the gateway at " + baseUrl + " refused the change (" + status + ")");
        }
    }
}
