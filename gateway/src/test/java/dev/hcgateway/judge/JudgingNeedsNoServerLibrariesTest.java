package dev.hcgateway.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.TestData;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The judging packages (model, cose, crypto, trust, format, hcn1, dcc, policy, judge, gate: the gate jar) judge a code on a class path of
 * the JDK, Jackson, SLF4J and the native crypto provider alone: what an offline gate's small library ships. Checked
 * by running {@link GateProbe} in a class loader that holds nothing else.
 */
class JudgingNeedsNoServerLibrariesTest {

    private static final long NOW = TestData.VECTORS_NOW;

    @Test
    void offlineJudgement_runsWithoutVertxNettyRedisOrPostgres() throws Exception {
        MintedCodes codes = new MintedCodes(NOW);
        String green = codes.valid(Colour.GREEN);
        byte[] trust = TestData.resource("trust.json");
        URL[] classPath = {location(OfflineJudge.class), location(GateProbe.class), location(JsonParser.class),
            location(ObjectMapper.class), location(JsonProperty.class), location(CBORFactory.class),
            location(org.slf4j.Logger.class),
            location(com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.class)};
        try (URLClassLoader gate = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            for (String server : new String[]{"io.vertx.core.Vertx", "io.netty.buffer.ByteBuf",
                "io.lettuce.core.RedisClient", "io.micrometer.core.instrument.MeterRegistry"}) {
                assertThatThrownBy(() -> gate.loadClass(server)).as(server).isInstanceOf(ClassNotFoundException.class);
            }
            Method judge = gate.loadClass(GateProbe.class.getName())
                    .getMethod("judge", byte[].class, String.class, long.class, boolean.class);
            assertThat(judge.invoke(null, trust, green, NOW, false)).isEqualTo("pass ok");
            assertThat(judge.invoke(null, trust, green, NOW, true)).isEqualTo("deny revoked");
            assertThat(judge.invoke(null, trust, codes.tampered(), NOW, false)).isEqualTo("deny bad_signature");
            assertThat(judge.invoke(null, trust, "HCN1:NOT-A-CODE", NOW, false)).isEqualTo("deny malformed");
            assertThat(judge.invoke(null, trust, green, NOW + 2 * 86_400, false)).isEqualTo("deny expired");

            // The offline gate's whole path: a signed bundle opened against its key's JWK, then judged with.
            Method gateJudge = gate.loadClass(GateProbe.class.getName())
                    .getMethod("gate", byte[].class, String.class, byte[].class, long.class);
            var revoked = codes.claims(Colour.GREEN);
            assertThat(gateJudge.invoke(null, trust, green, revoked.codeId(), NOW)).isEqualTo("pass ok");
            assertThat(gateJudge.invoke(null, trust, codes.mint(revoked), revoked.codeId(), NOW))
                    .isEqualTo("deny revoked");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
