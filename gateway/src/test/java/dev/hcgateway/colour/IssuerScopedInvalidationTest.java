package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.document.DocumentHasher;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.SubjectKey;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An invalidation under an issuer drops that issuer's colour of the subject only, the same subject string under
 * another issuer keeps its own; one without an issuer drops the subject under every issuer, the default store's
 * issuers included; a lookup in flight is kept out of the cache only when the invalidation reaches its issuer.
 */
class IssuerScopedInvalidationTest extends ProvincesFixture {

    private void cacheBoth(String gdColour, String shColour) throws Exception {
        atBothStores("s-same", gdColour, shColour, 0);
        scan(code(GD, "s-same", Colour.GREEN));
        scan(code(SH, "s-same", Colour.GREEN));
    }

    @Test
    void invalidationUnderOneIssuer_dropsThatIssuersColourOnly() throws Exception {
        provinces();
        cacheBoth("green", "green");
        gd.colours.put("s-same", "red");
        sh.colours.put("s-same", "red");

        colours.invalidateLocal(List.of(new SubjectKey(GD, "s-same")));

        assertThat(scan(code(GD, "s-same", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.RED, ColourSource.AUTHORITY));
        assertThat(scan(code(SH, "s-same", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.GREEN, ColourSource.CACHE));
        assertThat(gd.requests.get()).isEqualTo(2);
        assertThat(sh.requests.get()).isEqualTo(1);
    }

    @Test
    void invalidationWithoutIssuer_dropsTheSubjectUnderEveryIssuer_defaultStoresIssuersIncluded() throws Exception {
        provinces(Map.of("authority.url", store.url()));
        cacheBoth("green", "green");
        store.colours.put("s-same", "green");
        scan(code("330100", "s-same", Colour.GREEN));
        scan(code("330100", "s-other", Colour.GREEN));

        colours.invalidateLocal(everywhere("s-same"));

        assertThat(scan(code(GD, "s-same", Colour.GREEN)).source()).isEqualTo(ColourSource.AUTHORITY);
        assertThat(scan(code(SH, "s-same", Colour.GREEN)).source()).isEqualTo(ColourSource.AUTHORITY);
        assertThat(scan(code("330100", "s-same", Colour.GREEN)).source()).isEqualTo(ColourSource.AUTHORITY);
        assertThat(scan(code("330100", "s-other", Colour.GREEN)).source()).isEqualTo(ColourSource.CACHE);
    }

    @Test
    void invalidationDuringLookupsInFlight_keepsOnlyThatIssuersResultOutOfTheCache() throws Exception {
        provinces();
        atBothStores("s-same", "green", "green", 300);
        Future<ColourAnswer> gdInFlight = colours.colourOf(code(GD, "s-same", Colour.GREEN), scene("metro"));
        Future<ColourAnswer> shInFlight = colours.colourOf(code(SH, "s-same", Colour.GREEN), scene("metro"));
        eventually(() -> gd.requests.get() == 1 && sh.requests.get() == 1);

        colours.invalidateLocal(List.of(new SubjectKey(SH, "s-same")));
        await(gdInFlight);
        await(shInFlight);
        atBothStores("s-same", "green", "green", 0);

        assertThat(scan(code(GD, "s-same", Colour.GREEN)).source()).as("not invalidated: cached").isEqualTo(ColourSource.CACHE);
        assertThat(scan(code(SH, "s-same", Colour.GREEN)).source()).as("invalidated in flight: asked again")
                .isEqualTo(ColourSource.AUTHORITY);
    }

    @Test
    void documentsOfTheDocumentIssuersStore_droppedOnlyByThatIssuersInvalidation() throws Exception {
        provinces(Map.of("authority.documentIssuer", SH));
        DocumentKey grandma = new DocumentHasher("test-document-key-0123").hash(DocumentType.RESIDENT_ID,
                "11010519491231002X");
        sh.documents.put(grandma.hash(), new String[]{"s-same", "green"});
        await(colours.colourOfDocument(grandma));

        colours.invalidateLocal(List.of(new SubjectKey(GD, "s-same")));
        assertThat(await(colours.colourOfDocument(grandma)).answer().source()).isEqualTo(ColourSource.CACHE);
        colours.invalidateLocal(List.of(new SubjectKey(SH, "s-same")));
        assertThat(await(colours.colourOfDocument(grandma)).answer().source()).isEqualTo(ColourSource.AUTHORITY);
        assertThat(sh.requests.get()).isEqualTo(2);
        assertThat(gd.requests.get()).as("documents go to the document issuer's store only").isZero();
    }
}
