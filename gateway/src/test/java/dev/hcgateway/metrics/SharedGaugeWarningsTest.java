package dev.hcgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class SharedGaugeWarningsTest {

    private final LoggerContext context = new LoggerContext();
    private final SharedGaugeWarnings filter = new SharedGaugeWarnings();

    private FilterReply decide(String logger, String message) {
        return filter.decide(null, context.getLogger(logger), Level.WARN, message, null, null);
    }

    @Test
    void vertxSharedGauge_doubleRegistration_isDropped() {
        assertThat(decide(SharedGaugeWarnings.LOGGER, "This Gauge has been already registered (MeterId{name="
                + "'hc.vertx.http.server.active.connections', tags=[]}), the registration will be ignored."))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void ownGauge_doubleRegistration_stillWarns() {
        assertThat(decide(SharedGaugeWarnings.LOGGER, "This Gauge has been already registered (MeterId{name="
                + "'hc_requests_in_flight', tags=[]}), the registration will be ignored."))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void otherLogger_sameText_isKept() {
        assertThat(decide("dev.hcgateway.Main", "has been already registered name='hc.vertx.x'"))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
