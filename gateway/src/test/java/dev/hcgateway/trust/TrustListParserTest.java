package dev.hcgateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.support.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every key is validated at load, and errors name the file and the key. */
class TrustListParserTest {

    private final TrustListParser parser = new TrustListParser(CryptoProvider.select(true).ecKeyFactory());

    private JsonObject testList() {
        return new JsonObject(new String(TestData.resource("trust.json"), StandardCharsets.UTF_8));
    }

    private TrustList parse(JsonObject list) throws TrustListException {
        return parser.parse(list.encode().getBytes(StandardCharsets.UTF_8), "trust-test.json");
    }

    private JsonObject firstKey(JsonObject list) {
        return list.getJsonArray("issuers").getJsonObject(0).getJsonArray("keys").getJsonObject(0);
    }

    @Test
    void parse_testTrustList_loadsBothIssuers() throws Exception {
        TrustList list = parse(testList());
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.issuers()).isEqualTo(2);
    }

    @Test
    void parse_kidNotMatchingKey_isRefusedNamingFileAndKey() {
        JsonObject list = testList();
        firstKey(list).put("kid", "AAAAAAAAAAA");
        assertThatThrownBy(() -> parse(list)).isInstanceOf(TrustListException.class)
                .hasMessageContaining("trust-test.json").hasMessageContaining("issuers[0] (330100) keys[0]")
                .hasMessageContaining("does not match the key");
    }

    @Test
    void parse_wrongCurveOrType_isRefused() {
        JsonObject curve = testList();
        firstKey(curve).put("crv", "P-384");
        assertThatThrownBy(() -> parse(curve)).hasMessageContaining("crv must be \"P-256\"");
        JsonObject kty = testList();
        firstKey(kty).put("kty", "RSA");
        assertThatThrownBy(() -> parse(kty)).hasMessageContaining("kty must be \"EC\"");
        JsonObject alg = testList();
        firstKey(alg).put("alg", "ES384");
        assertThatThrownBy(() -> parse(alg)).hasMessageContaining("alg must be \"ES256\"");
    }

    @Test
    void parse_pointNotOnCurve_isRefused() {
        JsonObject list = testList();
        firstKey(list).put("y", firstKey(list).getString("x"));
        assertThatThrownBy(() -> parse(list)).isInstanceOf(TrustListException.class)
                .hasMessageContaining("keys[0]");
    }

    @Test
    void parse_duplicateKidOrIssuer_isRefused() {
        JsonObject list = testList();
        list.getJsonArray("issuers").getJsonObject(0).getJsonArray("keys").add(firstKey(list).copy());
        assertThatThrownBy(() -> parse(list)).hasMessageContaining("kid listed twice");
        JsonObject twice = testList();
        twice.getJsonArray("issuers").add(twice.getJsonArray("issuers").getJsonObject(0).copy());
        assertThatThrownBy(() -> parse(twice)).hasMessageContaining("listed twice");
    }

    @Test
    void parse_structuralFaults_areRefusedWithClearMessages() {
        assertThatThrownBy(() -> parser.parse("{".getBytes(StandardCharsets.UTF_8), "f.json"))
                .hasMessageContaining("f.json: not valid JSON");
        assertThatThrownBy(() -> parse(new JsonObject())).hasMessageContaining("missing the \"issuers\" array");
        assertThatThrownBy(() -> parse(new JsonObject().put("issuers", new JsonArray()
                .add(new JsonObject().put("id", "bad id").put("keys", new JsonArray())))))
                .hasMessageContaining("id must be 1..32 of A-Z0-9-");
        JsonObject shortX = testList();
        firstKey(shortX).put("x", "AAAA");
        assertThatThrownBy(() -> parse(shortX)).hasMessageContaining("x must be 32 bytes");
    }
}
