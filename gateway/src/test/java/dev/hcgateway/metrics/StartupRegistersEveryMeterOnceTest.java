package dev.hcgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Starting Vert.x on the gateway's registry warns about no meter registered twice (a WARN at every start). */
class StartupRegistersEveryMeterOnceTest {

    private final Logger micrometer = (Logger) LoggerFactory.getLogger(SharedGaugeWarnings.LOGGER);
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();
    private Vertx vertx;

    @AfterEach
    void tearDown() {
        micrometer.detachAppender(seen);
        if (vertx != null) {
            vertx.close().await();
        }
    }

    @Test
    void vertxWithNettyMetrics_logsNoDuplicateGaugeWarning() {
        seen.start();
        micrometer.addAppender(seen);
        PrometheusMeterRegistry registry = Telemetry.registry();

        vertx = Telemetry.vertx(registry, new VertxOptions().setEventLoopPoolSize(2));

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("already registered"));
        assertThat(registry.scrape()).contains("hc_netty_eventexecutor_tasks_pending")
                .doesNotContain("hc_netty_eventexecutor_workers");
    }
}
