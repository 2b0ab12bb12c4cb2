package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.DocumentColour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.document.DocumentHasher;
import dev.hcgateway.model.DocumentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Document colours: looked up by hash, cached by hash, dropped by their subject's invalidation. */
class DocumentColoursTest extends ColourFixture {

    private final DocumentHasher hasher = new DocumentHasher("test-document-key-0123");
    private final DocumentKey grandma = hasher.hash(DocumentType.RESIDENT_ID, "11010519491231002X");

    private DocumentColour look(DocumentKey key) throws Exception {
        return await(colours.colourOfDocument(key));
    }

    @Test
    void colourOfDocument_knownThenAgain_authorityThenCache() throws Exception {
        online();
        store.documents.put(grandma.hash(), new String[]{"s-grandma", "green"});

        DocumentColour first = look(grandma);
        DocumentColour second = look(grandma);

        assertThat(first).isEqualTo(new DocumentColour(ColourAnswer.of(Colour.GREEN, ColourSource.AUTHORITY),
                "s-grandma"));
        assertThat(second.answer().source()).isEqualTo(ColourSource.CACHE);
        assertThat(store.requests.get()).isEqualTo(1);
        assertThat(store.bodies.get(0)).isEqualTo("{\"documents\":[{\"type\":\"resident_id\",\"hash\":\""
                + grandma.hash() + "\"}]}");
    }

    @Test
    void colourOfDocument_unknown_unknownWithoutSubject() throws Exception {
        online();

        assertThat(look(grandma)).isEqualTo(new DocumentColour(ColourAnswer.of(Colour.UNKNOWN, ColourSource.AUTHORITY),
                null));
    }

    @Test
    void colourOfDocument_storeDown_noColour() throws Exception {
        onlineWithStoreDown(Map.of("colour.budgetMs", 150));

        DocumentColour answer = look(grandma);

        assertThat(answer.answer().colour()).isNull();
        assertThat(answer.answer().degraded()).isTrue();
    }

    @Test
    void invalidateLocal_subjectOfCachedDocument_documentLookedUpAgain() throws Exception {
        online();
        store.documents.put(grandma.hash(), new String[]{"s-grandma", "green"});
        look(grandma);
        store.documents.put(grandma.hash(), new String[]{"s-grandma", "red"});

        colours.invalidateLocal(everywhere("s-grandma"));

        assertThat(look(grandma).answer()).isEqualTo(ColourAnswer.of(Colour.RED, ColourSource.AUTHORITY));
    }

    @Test
    void colourOfDocument_concurrentSameDocument_oneLookup() throws Exception {
        online();
        store.documents.put(grandma.hash(), new String[]{"s-grandma", "yellow"});
        store.latencyMs = 50;
        var a = colours.colourOfDocument(grandma);
        var b = colours.colourOfDocument(grandma);

        assertThat(await(a).answer().colour()).isEqualTo(Colour.YELLOW);
        assertThat(await(b).answer().colour()).isEqualTo(Colour.YELLOW);
        assertThat(store.requests.get()).isEqualTo(1);
    }

    @Test
    void colourOfDocument_offlineService_unavailable() throws Exception {
        ColourService offline = new SnapshotColours(clock);

        DocumentColour answer = await(offline.colourOfDocument(grandma));

        assertThat(answer.answer().colour()).isNull();
        assertThat(answer.answer().why()).isEqualTo(Degradation.OFFLINE);
    }
}
