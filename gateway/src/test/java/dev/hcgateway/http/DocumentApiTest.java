package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/verify/document} through a deployed gateway and a fake store. */
class DocumentApiTest extends StoreBackedApiTest {

    static final String KEY = "test-document-key-0123";
    static final String NUMBER = "11010519491231002X";
    /** HMAC-SHA256(KEY, "resident_id:" + NUMBER), computed independently. */
    static final String HASH = "25e145cb4385a698b21d23f853ce26ec4d2371cbf4e8a93f15f95133843f2f37";

    @Override
    Map<String, Object> settings() {
        return Map.of("document.key", KEY);
    }

    private HttpResponse<Buffer> post(JsonObject body) throws Exception {
        return await(client.post(gateway.port(), "127.0.0.1", Routes.VERIFY_DOCUMENT).sendJsonObject(body));
    }

    private static JsonObject document(String type, String number) {
        return new JsonObject().put("type", type).put("number", number).put("scene", "metro")
                .put("gate", "SH-L2-G07");
    }

    @Test
    void document_knownGreen_passFromAuthorityThenFromCache() throws Exception {
        deploy(Map.of());
        store.documents.put(HASH, new String[]{"s-grandma", "green"});

        HttpResponse<Buffer> first = post(document("resident_id", NUMBER));
        JsonObject second = post(document("resident_id", NUMBER.toLowerCase())).bodyAsJsonObject();

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.bodyAsJsonObject()).isEqualTo(new JsonObject().put("decision", "pass").put("reason", "ok")
                .put("colour", "green").put("source", "authority").put("degraded", false).put("kind", "document")
                .put("documentType", "resident_id").put("subject", "s-grandma"));
        assertThat(second.getString("source")).as("the canonical number hashes the same").isEqualTo("cache");
        assertThat(store.requests.get()).isEqualTo(1);
    }

    @Test
    void document_knownRed_denyColourRed() throws Exception {
        deploy(Map.of());
        store.documents.put(HASH, new String[]{"s-grandma", "red"});

        JsonObject answer = post(document("resident_id", NUMBER)).bodyAsJsonObject();

        assertThat(answer.getString("decision")).isEqualTo("deny");
        assertThat(answer.getString("reason")).isEqualTo("colour_red");
    }

    @Test
    void document_unknownToStore_denyUnknownSubject() throws Exception {
        deploy(Map.of());

        JsonObject answer = post(document("passport", "E12345678")).bodyAsJsonObject();

        assertThat(answer.getString("decision")).isEqualTo("deny");
        assertThat(answer.getString("reason")).isEqualTo("unknown_subject");
        assertThat(answer.getString("colour")).isEqualTo("unknown");
        assertThat(answer.containsKey("subject")).isFalse();
    }

    @Test
    void document_storeDown_manualAuthorityUnavailable() throws Exception {
        String url = store.url();
        await(store.close());
        deploy(Map.of("authority.url", url, "colour.budgetMs", 150));

        JsonObject answer = post(document("resident_id", NUMBER)).bodyAsJsonObject();

        assertThat(answer).isEqualTo(new JsonObject().put("decision", "manual").put("reason", "authority_unavailable")
                .put("degraded", true).put("kind", "document").put("documentType", "resident_id"));
    }

    @Test
    void document_offlineMode_manualAuthorityUnavailable() throws Exception {
        deploy(Map.of("authority.url", ""));

        JsonObject answer = post(document("resident_id", NUMBER)).bodyAsJsonObject();

        assertThat(answer.getString("decision")).isEqualTo("manual");
        assertThat(answer.getString("reason")).isEqualTo("authority_unavailable");
        assertThat(answer.getBoolean("degraded")).isTrue();
    }

    @Test
    void document_noKeyConfigured_503WithClearMessage() throws Exception {
        deploy(Map.of("document.key", ""));

        HttpResponse<Buffer> r = post(document("resident_id", NUMBER));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("document_verification_unavailable");
        assertThat(r.bodyAsJsonObject().getString("message")).contains("not configured");
        assertThat(store.requests.get()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "driving_licence, 11010519491231002X, invalid_document_type",
        "resident_id, 110105194912310021, invalid_document_number",
        "resident_id, 1101051949123100, invalid_document_number",
        "resident_id, 11010519491231002X00, invalid_document_number",
        "passport, E-123456, invalid_document_number",
        "passport, E12, invalid_document_number"
    })
    void document_badTypeOrNumber_400WithoutEchoingNumber(String type, String number, String error) throws Exception {
        deploy(Map.of());

        HttpResponse<Buffer> r = post(document(type, number));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo(error);
        assertThat(r.bodyAsString()).doesNotContain(number);
        assertThat(store.requests.get()).isZero();
    }

    @Test
    void document_numberMissingOrNotText_400() throws Exception {
        deploy(Map.of());

        HttpResponse<Buffer> missing = post(new JsonObject().put("type", "resident_id"));
        HttpResponse<Buffer> number = post(new JsonObject().put("type", "resident_id").put("number", 110105194912L));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("invalid_document_number");
        assertThat(number.statusCode()).isEqualTo(400);
    }

    @Test
    void document_anyPath_numberNeverInLogsMetricsAnswersOrStoreRequests() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("dev.hcgateway");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Level rootBefore = root.getLevel();
        Level oursBefore = ours.getLevel();
        root.setLevel(Level.DEBUG);
        ours.setLevel(Level.TRACE);
        List<String> answers = new ArrayList<>();
        String metrics;
        try {
            deploy(Map.of());
            store.documents.put(HASH, new String[]{"s-grandma", "green"});
            answers.add(post(document("resident_id", NUMBER)).bodyAsString());          // authority
            answers.add(post(document("resident_id", NUMBER)).bodyAsString());          // cache
            answers.add(post(document("resident_id", "110105194912310021")).bodyAsString()); // bad check: 400
            answers.add(post(document("passport", NUMBER)).bodyAsString());             // unknown
            store.status = 500;
            answers.add(post(document("passport", "G" + NUMBER.substring(0, 10))).bodyAsString()); // store error
            metrics = await(client.get(gateway.port(), "127.0.0.1", Routes.METRICS).send()).bodyAsString();
        } finally {
            root.detachAppender(logs);
            root.setLevel(rootBefore);
            ours.setLevel(oursBefore);
        }

        assertThat(logs.list).as("the capture works: start-up logged").isNotEmpty();
        List<String> logged = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            logged.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        for (String secret : List.of(NUMBER, NUMBER.substring(0, 17), "110105194912310021", "G1101051949")) {
            assertThat(logged).noneMatch(line -> line != null && line.contains(secret));
            assertThat(answers).noneMatch(a -> a.contains(secret));
            assertThat(metrics).doesNotContain(secret);
            assertThat(store.bodies).noneMatch(b -> b.contains(secret));
        }
        assertThat(metrics).doesNotContain(HASH).doesNotContain("s-grandma")
                .contains("hc_verify_decisions_total{decision=\"pass\",endpoint=\"/v1/verify/document\"");
        assertThat(store.bodies.get(0)).contains(HASH);
    }
}
