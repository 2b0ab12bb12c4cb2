package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The production logback.xml: one JSON object per line, with the formatted message and no raw arguments. */
class LogFormatTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void setUp() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(captured);
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionEncoder_writesOneJsonObjectPerEventWithoutArguments() {
        Appender<ILoggingEvent> stdout = root.getAppender("STDOUT");
        assertThat(stdout).isInstanceOf(OutputStreamAppender.class);
        Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) stdout).getEncoder();
        LoggerFactory.getLogger(LogFormatTest.class).info("probe {}", "arg-value");
        ILoggingEvent event = captured.list.get(captured.list.size() - 1);
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonObject json = new JsonObject(line.trim());
        assertThat(json.getString("level")).isEqualTo("INFO");
        assertThat(json.getString("loggerName")).isEqualTo(LogFormatTest.class.getName());
        assertThat(json.getString("formattedMessage")).isEqualTo("probe arg-value");
        assertThat(json.containsKey("arguments")).isFalse();
        assertThat(json.containsKey("mdc")).isFalse();
        // ISO-8601 in UTC, as log pipelines parse without a hint; no "throwable": null on every line.
        assertThat(java.time.Instant.parse(json.getString("timestamp")))
                .isCloseTo(java.time.Instant.now(), org.assertj.core.api.Assertions.within(1,
                        java.time.temporal.ChronoUnit.MINUTES));
        assertThat(json.getString("timestamp")).endsWith("Z");
        assertThat(json.containsKey("throwable")).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionEncoder_writesTheStackOnlyWhenThereIsOne() {
        OutputStreamAppender<ILoggingEvent> stdout = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
        LoggerFactory.getLogger(LogFormatTest.class).warn("with a stack", new IllegalStateException("boom"));
        ILoggingEvent event = captured.list.get(captured.list.size() - 1);
        JsonObject json = new JsonObject(new String(stdout.getEncoder().encode(event), StandardCharsets.UTF_8).trim());
        assertThat(json.getString("throwable")).startsWith("java.lang.IllegalStateException: boom")
                .contains("at dev.hcgateway.LogFormatTest");
    }
}
