package dev.hcgateway.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Micrometer's "This Gauge has been already registered" warning for Vert.x's own meters only.
 *
 * <p>Every HTTP server verticle (one per event loop) registers the same {@code vertx.http.server.*} gauges;
 * vertx-micrometer shares one counter behind them by design, so the second registration is expected and the
 * values are right. Other meters' double registrations still warn. Installed from {@code logback.xml}.
 */
public final class SharedGaugeWarnings extends TurboFilter {

    static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (format != null && logger != null && LOGGER.equals(logger.getName())
                && format.contains("has been already registered") && format.contains("name='hc.vertx.")) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
