package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Eventually;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event loop reads at most four offline uploads at once (each up to 8 MiB): a fifth gate is answered
 * {@code 503 offline_busy} with {@code Retry-After} at once, before a byte of its body is read, and the place is
 * free again as soon as an upload ends, however it ends (here: its client goes away).
 */
class OfflineUploadsReadAtOnceAreBoundedTest {

    private final ServerFixture fixture = new ServerFixture();
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = fixture.with("passages.journal", Files.createTempDirectory("hc-offline-uploads").toString()).start(1);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static String head(int length) {
        return "POST " + Routes.PASSAGES_OFFLINE + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    private String post(String body) {
        try (RawHttp gate = new RawHttp(port)) {
            return gate.post(Routes.PASSAGES_OFFLINE, body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String passage(String gate) {
        return "{\"gate\":\"" + gate + "\",\"passages\":[{\"id\":\"" + UUID.randomUUID() + "\",\"at\":"
                + fixture.clock.millis() + ",\"decision\":\"pass\",\"reason\":\"ok\"}]}";
    }

    @Test
    void fifthUploadOnALoop_is503OfflineBusy_placeFreedWhenAnUploadEnds() throws Exception {
        List<RawHttp> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                RawHttp upload = new RawHttp(port);
                upload.send(head(100_000) + "{\"gate\":\"G" + i + "\",\"passages\":["); // and then nothing more
                held.add(upload);
            }
            // A whole upload sent before the held heads reached the loop is simply taken; once they have, it is not.
            String[] busy = new String[1];
            Eventually.within(Duration.ofSeconds(20), "a fifth upload refused", () -> {
                busy[0] = post(passage("G5"));
                return busy[0].startsWith("HTTP/1.1 503");
            });
            assertThat(busy[0]).contains("offline_busy").containsIgnoringCase("Retry-After");

            held.remove(0).close(); // a gate gone mid-upload gives its place back
            Eventually.within(Duration.ofSeconds(20), "an upload taken again",
                    () -> post(passage("G9")).startsWith("HTTP/1.1 200"));
        } finally {
            for (RawHttp upload : held) {
                upload.close();
            }
        }
    }
}
