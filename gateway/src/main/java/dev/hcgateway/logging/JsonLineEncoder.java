package dev.hcgateway.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Encodes a log event as one JSON object per line: {@code timestamp} (ISO-8601 UTC, milliseconds),
 * {@code level}, {@code threadName}, {@code loggerName}, {@code formattedMessage}, and {@code throwable} (the
 * stack as text) only when there is one. Never the raw arguments, MDC or key-value pairs: only what a log
 * statement put in its own text can reach the output (docs/operations.md, "Logs").
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NONE = new byte[0];
    private final JsonFactory json = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            out.writeStringField("level", event.getLevel().toString());
            out.writeStringField("threadName", event.getThreadName());
            out.writeStringField("loggerName", event.getLoggerName());
            out.writeStringField("formattedMessage", event.getFormattedMessage());
            IThrowableProxy throwable = event.getThrowableProxy();
            if (throwable != null) {
                out.writeStringField("throwable", ThrowableProxyUtil.asString(throwable));
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the sink is memory
        }
        bytes.append('\n');
        return bytes.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
