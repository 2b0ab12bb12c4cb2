package dev.hcgateway.authority;

import dev.hcgateway.model.StoreColour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerReaderTest {

    private static final long NOW = 1_795_300_000L;
    private final AnswerReader reader = new AnswerReader();

    private java.util.Map<String, StoreColour> read(String json, Set<String> asked) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), "subject", asked, NOW);
    }

    @Test
    void read_validAnswerAnyOrder_everySubjectOnce() {
        var colours = read("{\"colours\":[{\"subject\":\"b\",\"colour\":\"unknown\"},"
                + "{\"subject\":\"a\",\"colour\":\"red\",\"asOf\":1795299000,\"ttlSeconds\":60}]}", Set.of("a", "b"));

        assertThat(colours).containsEntry("a", new StoreColour(Colour.RED, 1_795_299_000L, 60, null))
                .containsEntry("b", new StoreColour(Colour.UNKNOWN, -1, -1, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "null", "[]", "{}", "{\"colours\":{}}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"green\",\"asOf\":1}]}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"green\",\"asOf\":1},{\"subject\":\"a\",\"colour\":\"green\",\"asOf\":1}]}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"green\",\"asOf\":1},{\"subject\":\"c\",\"colour\":\"green\",\"asOf\":1}]}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"GREEN\",\"asOf\":1},{\"subject\":\"b\",\"colour\":\"unknown\"}]}",
        // grey is the gateway's word for an expired international code; a store saying it is answering nonsense.
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"grey\",\"asOf\":1},{\"subject\":\"b\",\"colour\":\"unknown\"}]}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"green\"},{\"subject\":\"b\",\"colour\":\"unknown\"}]}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"green\",\"asOf\":1.5},{\"subject\":\"b\",\"colour\":\"unknown\"}]}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"green\",\"asOf\":1,\"ttlSeconds\":-1},{\"subject\":\"b\",\"colour\":\"unknown\"}]}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"green\",\"asOf\":1895300000},{\"subject\":\"b\",\"colour\":\"unknown\"}]}",
        "{\"colours\":[{\"subject\":\"a\",\"colour\":\"green\",\"asOf\":1,\"asOf\":2},{\"subject\":\"b\",\"colour\":\"unknown\"}]}",
        "{\"colours\":[{\"subject\":1,\"colour\":\"green\",\"asOf\":1},{\"subject\":\"b\",\"colour\":\"unknown\"}]}",
        "{\"colours\":[\"a\",\"b\"]}"
    })
    void read_anythingOff_garbage(String json) {
        assertThat(read(json, Set.of("a", "b"))).isNull();
    }

    @Test
    void read_documentAnswer_keepsSubjectOfKnownColour() {
        String hash = "a".repeat(64);
        var colours = reader.read(("{\"colours\":[{\"hash\":\"" + hash + "\",\"subject\":\"s-1\",\"colour\":\"green\","
                + "\"asOf\":1795299000}]}").getBytes(StandardCharsets.UTF_8), "hash", Set.of(hash), NOW);

        assertThat(colours.get(hash)).isEqualTo(new StoreColour(Colour.GREEN, 1_795_299_000L, -1, "s-1"));
    }
}
