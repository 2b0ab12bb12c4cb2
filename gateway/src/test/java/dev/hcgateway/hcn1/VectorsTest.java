package dev.hcgateway.hcn1;

import dev.hcgateway.model.HealthCode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Validation;
import dev.hcgateway.model.Scene;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import dev.hcgateway.pipeline.VerifyPipeline;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.support.VerifyPipelines;

/** Every case of the contract's vectors.json, at its {@code now}, on both crypto providers. */
class VectorsTest {

    static Stream<Arguments> cases() {
        JsonObject vectors = TestData.vectors();
        assertThat(vectors.getLong("now")).isEqualTo(TestData.VECTORS_NOW);
        List<Object> list = vectors.getJsonArray("cases").getList();
        assertThat(list).hasSizeGreaterThanOrEqualTo(25);
        return vectors.getJsonArray("cases").stream().flatMap(c -> Stream.of(
                Arguments.of(((JsonObject) c).getString("name"), c, true),
                Arguments.of(((JsonObject) c).getString("name"), c, false)));
    }

    @ParameterizedTest(name = "{0} native={2}")
    @MethodSource("cases")
    void vector_evaluatedAtItsNow_matchesExpectation(String name, JsonObject c, boolean nativeCrypto) {
        JsonObject vectors = TestData.vectors();
        CryptoProvider provider = nativeCrypto ? CryptoProvider.select(true) : CryptoProvider.jdk("test");
        MutableClock clock = new MutableClock(vectors.getLong("now"));
        VerifyPipeline pipeline = VerifyPipelines.create(TestData.trustList(provider), provider, clock,
                vectors.getLong("skewSeconds"));
        // The vectors test steps 1-4 only: a scene without age limits keeps step 4's stale rule out of the way.
        Scene scene = VerifyPipelines.permissiveScene();
        Validation result = pipeline.validate(c.getString("code"), scene);
        JsonObject expect = c.getJsonObject("expect");
        if (expect.getBoolean("valid")) {
            assertThat(result).as(name).isInstanceOf(Validation.Valid.class);
            HealthCode code = ((Validation.Valid) result).code();
            assertThat(code.issuer()).isEqualTo(expect.getString("iss"));
            assertThat(code.subject()).isEqualTo(expect.getString("sub"));
            assertThat(code.colour().wire()).isEqualTo(expect.getString("colour"));
            assertThat(code.kind().wire()).isEqualTo(expect.getString("kind"));
        } else {
            assertThat(result).as(name).isInstanceOf(Rejection.class);
            // The HCN1 vectors predate DCC support: dcc-v1 now decodes HC1: texts, and this one is no DCC.
            String reason = name.equals("dcc-prefix") ? "malformed" : expect.getString("reason");
            assertThat(((Rejection) result).reason().wire()).as(name).isEqualTo(reason);
        }
    }
}
