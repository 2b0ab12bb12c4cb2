package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml against the routes the server really serves (all of them: admin token configured). */
class OpenApiTest {

    /**
     * Documented routes being built on other branches right now (batch, image, document). They are exempt
     * from "documented => served" only; the lead removes this set after merging those branches.
     */
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml").toAbsolutePath().normalize();
    private static final ServerFixture FIXTURE = new ServerFixture();
    private static JsonNode spec;
    private static Set<String> served;

    @BeforeAll
    static void load() throws Exception {
        spec = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
        FIXTURE.with("admin.token", "openapi-test-admin-token").with("tracer.token", "openapi-test-tracer-token")
                .start(1);
        Router router = HttpApi.router(FIXTURE.vertx, FIXTURE.services);
        served = new TreeSet<>(HttpApi.served(router));
    }

    @AfterAll
    static void close() throws Exception {
        FIXTURE.close();
    }

    private static Set<String> documented() {
        Set<String> out = new TreeSet<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                out.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return out;
    }

    @Test
    void document_isValidOpenApi31_forARealValidator() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(DOCUMENT.toUri().toString(), null, options);
        assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).hasSameSizeAs(spec.get("paths"));
    }

    @Test
    void everyServedRoute_isDocumented() {
        assertThat(served).contains("POST " + Routes.VERIFY, "POST " + Routes.REVOCATIONS, "GET " + Routes.METRICS);
        assertThat(documented()).containsAll(served);
    }

    @Test
    void everyDocumentedRoute_isServed() {
        Set<String> expected = new TreeSet<>(documented());
        assertThat(served).containsAll(expected);
    }

    @Test
    void document_isOpenApi3WithResolvableRefsAndResponsesEverywhere() {
        assertThat(spec.path("openapi").asText()).startsWith("3.");
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(spec.at(ref.substring(1)).isMissingNode()).as("unresolved %s", ref).isFalse();
        }
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                assertThat(op.getValue().path("responses").size()).as(op.getKey() + " " + path.getKey()).isPositive();
            }
        }));
    }

    @Test
    void errorResponses_useTheErrorBody() {
        JsonNode responses = spec.at("/components/responses");
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(e.getValue().at("/content/application~1json/schema/$ref").asText()).as(e.getKey())
                    .isEqualTo("#/components/schemas/Error");
        }
        assertThat(spec.at("/components/responses/Unavailable/headers/Retry-After").isMissingNode()).isFalse();
    }

    private static void collectRefs(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    into.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, into));
        }
    }
}
