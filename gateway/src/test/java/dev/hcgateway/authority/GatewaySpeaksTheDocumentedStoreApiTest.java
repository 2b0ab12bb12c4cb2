package dev.hcgateway.authority;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.hcgateway.http.Routes;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.FakeStore;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the gateway sends the authoritative store, and the answers documented for it, validate against
 * docs/authority-openapi.yaml: the file a province builds its store against says what the client really does.
 */
@ExtendWith(VertxExtension.class)
class GatewaySpeaksTheDocumentedStoreApiTest {

    static final Path DOCUMENT = Path.of("..", "docs", "authority-openapi.yaml").toAbsolutePath().normalize();

    private final MutableClock clock = new MutableClock(TestData.VECTORS_NOW);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void lookupsBySubjectAndByDocument_validateAgainstTheRequestSchemas(Vertx vertx) throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
        FakeStore store = await(new FakeStore().start(vertx));
        store.colours.put("s-contract-1", "green");
        Gateways.Deployed gateway = await(Gateways.deploy(vertx, clock, Map.of("authority.url", store.url(),
                "document.key", "test-document-key-0123", "colour.budgetMs", 900)));
        WebClient client = WebClient.create(vertx);
        String code = TestData.minter("330100").mint(CodeClaims.typical("330100", "s-contract-1", Colour.GREEN,
                TestData.VECTORS_NOW, 86_400, new Random(3)));

        JsonObject verified = await(client.post(gateway.port(), "127.0.0.1", Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", code).put("scene", "metro"))).bodyAsJsonObject();
        await(client.post(gateway.port(), "127.0.0.1", Routes.VERIFY_DOCUMENT).sendJsonObject(new JsonObject()
                .put("type", "resident_id").put("number", "11010519491231002X").put("scene", "metro")));

        assertThat(verified.getString("source")).as("the colour came from the store").isEqualTo("authority");
        assertThat(store.bodies).hasSize(2);
        for (String body : store.bodies) {
            JsonNode request = json.readTree(body);
            String path = request.has("documents") ? "/v1/colours/lookup-by-document" : "/v1/colours/lookup";
            assertThat(errors(spec, spec.at("/paths/" + path.replace("/", "~1")
                    + "/post/requestBody/content/application~1json/schema"), request)).as(path + " " + body).isEmpty();
        }
    }

    @Test
    void documentedExample_validatesAgainstTheAnswerSchema() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
        JsonNode ok = spec.at("/paths/~1v1~1colours~1lookup/post/responses/200/content/application~1json");

        assertThat(errors(spec, ok.get("schema"), ok.get("example"))).isEmpty();
        assertThat(errors(spec, ok.get("schema"), json.readTree("{\"colours\": [{\"subject\": \"s-1\", "
                + "\"colour\": \"purple\"}]}"))).as("the schema refuses what the gateway refuses").isNotEmpty();
    }

    /** Returns the validation errors of a value against a schema of the document, its local $refs resolved. */
    private static java.util.Set<?> errors(JsonNode spec, JsonNode schema, JsonNode value) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resolve(spec, schema))
                .validate(value);
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        if (node.isObject() && node.has("$ref")) {
            return resolve(spec, spec.at(node.get("$ref").asText().substring(1)));
        }
        if (node.isObject()) {
            ObjectNode copy = node.deepCopy();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(spec, e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = new ObjectMapper().createArrayNode();
            node.forEach(n -> copy.add(resolve(spec, n)));
            return copy;
        }
        return node;
    }
}
