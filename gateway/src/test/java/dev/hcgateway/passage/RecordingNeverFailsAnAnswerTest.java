package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A passage that cannot be recorded is counted as dropped; recording never throws into the answer. */
class RecordingNeverFailsAnAnswerTest {

    @TempDir
    Path dir;

    private static Verdict verdict(String subject) {
        return new Verdict(Decision.PASS, Reason.OK, new HealthCode("330100", subject, 1L, 2L, new byte[]{1, 2},
                Colour.GREEN, 1L, CodeKind.PERSONAL, null, false), Colour.GREEN, ColourSource.CODE, false);
    }

    @Test
    void oversizeSignedSubject_droppedAndCounted_noGate_noPassage() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Passages passages = new Passages(vertx, new ConfigLoader().defaultsWith(Map.of("passages.journal",
                    dir.toString())), Clock.systemUTC(), new SimpleMeterRegistry());
            assertThat(passages.record("G-1", "metro", verdict("s".repeat(5000)))).isFalse();
            assertThat(passages.record("G-1", "metro", verdict(""))).isFalse();
            assertThat(passages.record(null, "metro", verdict("s-1"))).isFalse();
            assertThat(passages.record("G-1", "metro", new Rejection(Reason.MALFORMED))).isTrue();
            assertThat(passages.state().getLong("dropped")).isEqualTo(2);
            passages.close().await(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
