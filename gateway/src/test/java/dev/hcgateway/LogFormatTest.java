package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
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
        JsonEncoder encoder = (JsonEncoder) ((OutputStreamAppender<ILoggingEvent>) stdout).getEncoder();
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
        assertThat(json.getLong("timestamp")).isPositive();
    }
}
