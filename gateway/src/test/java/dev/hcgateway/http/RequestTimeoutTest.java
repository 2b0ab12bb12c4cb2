package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** http.requestTimeoutMs: a request the stages cannot answer in time gets 503 timeout, and its slot comes back. */
class RequestTimeoutTest {

    private final ServerFixture fixture = new ServerFixture();
    private final GatedColours stalledStore = new GatedColours();
    private final Vertx clientVertx = Vertx.vertx();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @AfterEach
    void tearDown() throws Exception {
        root.detachAppender(captured);
        clientVertx.close().await(5, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void verify_stalledPastTheRequestTimeout_gets503TimeoutAndFreesItsSlot() throws Exception {
        captured.start();
        root.addAppender(captured);
        fixture.colours = stalledStore;
        int port = fixture.with("http.requestTimeoutMs", 100).with("colour.budgetMs", 50).start(1);
        WebClient client = WebClient.create(clientVertx, new WebClientOptions().setDefaultPort(port)
                .setDefaultHost("127.0.0.1"));

        HttpResponse<Buffer> answer = client.post(Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", fixture.code("s-slow"))).await(5, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
        assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("timeout");
        assertThat(fixture.services.admission().inFlight()).isEqualTo(1);
        // The store answers late: the slot is returned and the late answer is dropped quietly.
        stalledStore.release();
        awaitTrue(() -> fixture.services.admission().inFlight() == 0);
        assertThat(client.get(Routes.LIVE).send().await(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        // Only this request's path counts: a server of an earlier test class in the same JVM may still log its
        // TLS file watch (TlsSetup) while its temporary directory is being removed.
        assertThat(captured.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                && !e.getLoggerName().endsWith(".TlsSetup"));
    }
}
