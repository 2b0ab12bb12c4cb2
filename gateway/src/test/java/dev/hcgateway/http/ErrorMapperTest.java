package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.hcgateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The edge's error mapping of an unexpected failure: a bare 500 for the client, no input in the log. */
class ErrorMapperTest {

    private static final String SECRET = "HCN1:NCF3TDJ%B6FL2VSZPF05D s-secret-subject";
    private final Vertx vertx = Vertx.vertx();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorMapper.class);

    @AfterEach
    void tearDown() throws Exception {
        logger.detachAppender(captured);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void unexpectedFailure_quotingTheInput_is500AndLoggedWithoutItsMessage() throws Exception {
        captured.start();
        logger.addAppender(captured);
        Router router = Router.router(vertx);
        router.get("/boom").handler(ctx -> {
            throw new IllegalStateException("cannot parse " + SECRET, new IllegalArgumentException(SECRET));
        });
        router.route().failureHandler(new ErrorMapper(new GatewayMetrics(new SimpleMeterRegistry())));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await(5, TimeUnit.SECONDS);

        HttpResponse<Buffer> answer = WebClient.create(vertx).get(server.actualPort(), "127.0.0.1", "/boom").send()
                .await(5, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("internal");
        assertThat(answer.bodyAsString()).doesNotContain("s-secret-subject");
        assertThat(captured.list).hasSize(1);
        ILoggingEvent event = captured.list.get(0);
        String logged = event.getFormattedMessage() + ThrowableProxyUtil.asString(event.getThrowableProxy());
        assertThat(logged).contains("java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
                "ErrorMapperTest").doesNotContain("s-secret-subject").doesNotContain("NCF3TDJ");
    }
}
