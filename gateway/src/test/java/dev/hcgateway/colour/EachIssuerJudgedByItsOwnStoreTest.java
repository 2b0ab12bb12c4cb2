package dev.hcgateway.colour;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.ColourSource;
import io.micrometer.core.instrument.Meter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same subject string under two issuers is two people: each code's colour comes from its own issuer's store,
 * asked once for concurrent scans (coalescing per issuer), a lookup names its issuer and holds no other issuer's
 * subjects, and a code whose issuer has no store is judged on its signed snapshot.
 */
class EachIssuerJudgedByItsOwnStoreTest extends ProvincesFixture {

    @Test
    void sameSubjectRedUnderOneIssuerGreenUnderAnother_eachJudgedByItsOwnStore_eachAskedOnce() throws Exception {
        provinces();
        atBothStores("s-same", "red", "green", 50);
        List<Future<ColourAnswer>> gdScans = new ArrayList<>();
        List<Future<ColourAnswer>> shScans = new ArrayList<>();

        Promise<Void> fired = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> {
            for (int i = 0; i < 25; i++) {
                gdScans.add(colours.colourOf(code(GD, "s-same", Colour.GREEN), scene("metro")));
                shScans.add(colours.colourOf(code(SH, "s-same", Colour.GREEN), scene("metro")));
            }
            fired.complete();
        });
        await(fired.future());

        for (Future<ColourAnswer> scan : gdScans) {
            assertThat(await(scan)).isEqualTo(ColourAnswer.of(Colour.RED, ColourSource.AUTHORITY));
        }
        for (Future<ColourAnswer> scan : shScans) {
            assertThat(await(scan)).isEqualTo(ColourAnswer.of(Colour.GREEN, ColourSource.AUTHORITY));
        }
        assertThat(gd.requests.get()).as("Guangdong's store, once for 25 concurrent scans").isEqualTo(1);
        assertThat(sh.requests.get()).as("Shanghai's store, once for 25 concurrent scans").isEqualTo(1);
        assertThat(gd.bodies).containsExactly("{\"issuer\":\"440300\",\"subjects\":[\"s-same\"]}");
        assertThat(sh.bodies).containsExactly("{\"issuer\":\"310000\",\"subjects\":[\"s-same\"]}");
        assertThat(scan(code(GD, "s-same", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.RED, ColourSource.CACHE));
        assertThat(scan(code(SH, "s-same", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.GREEN, ColourSource.CACHE));
    }

    @Test
    void issuerWithoutStoreAndNoDefault_judgedOnItsSignedSnapshot() throws Exception {
        provinces();

        assertThat(scan(code("330100", "s-1", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.GREEN, ColourSource.CODE));
        assertThat(scan(code("330100", "s-2", Colour.RED))).isEqualTo(ColourAnswer.of(Colour.RED, ColourSource.CODE));
        assertThat(gd.requests.get() + sh.requests.get() + store.requests.get()).isZero();
    }

    @Test
    void issuersNotListed_askTheDefaultStore_oneIssuerPerLookup() throws Exception {
        provinces(Map.of("authority.url", store.url(), "colour.batchWindowMs", 20));
        store.colours.put("s-1", "yellow");
        List<Future<ColourAnswer>> scans = new ArrayList<>();

        Promise<Void> fired = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> {
            scans.add(colours.colourOf(code("330100", "s-1", Colour.GREEN), scene("metro")));
            scans.add(colours.colourOf(code("110000", "s-1", Colour.GREEN), scene("metro")));
            scans.add(colours.colourOf(code("330100", "s-2", Colour.GREEN), scene("metro")));
            scans.add(colours.colourOf(code(GD, "s-1", Colour.GREEN), scene("metro")));
            fired.complete();
        });
        await(fired.future());
        for (Future<ColourAnswer> scan : scans) {
            await(scan);
        }

        assertThat(store.bodies).containsExactlyInAnyOrder("{\"issuer\":\"330100\",\"subjects\":[\"s-1\",\"s-2\"]}",
                "{\"issuer\":\"110000\",\"subjects\":[\"s-1\"]}");
        assertThat(gd.bodies).containsExactly("{\"issuer\":\"440300\",\"subjects\":[\"s-1\"]}");
        assertThat(sh.requests.get()).isZero();
    }

    @Test
    void metrics_taggedByIssuer_boundedByTheConfiguration() throws Exception {
        provinces(Map.of("authority.url", store.url()));
        for (int i = 0; i < 40; i++) {
            scan(code(String.format("%06d", 100_000 + i), "s-" + i, Colour.GREEN));
        }
        scan(code(GD, "s-gd", Colour.GREEN));
        scan(code(SH, "s-sh", Colour.GREEN));

        Set<String> labels = registry.getMeters().stream().map(m -> m.getId().getTag("issuer"))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        assertThat(labels).containsExactlyInAnyOrder(GD, SH, "default");
        assertThat(counter("hc_authority_requests", "issuer", GD, "endpoint", "lookup", "outcome", "ok")).isEqualTo(1);
        assertThat(counter("hc_authority_requests", "issuer", "default", "endpoint", "lookup", "outcome", "ok"))
                .isEqualTo(40);
        assertThat(counter("hc_colour_cache_requests", "issuer", SH, "kind", "subject", "result", "miss")).isEqualTo(1);
        for (String issuer : List.of(GD, SH, "default")) {
            assertThat(registry.find("hc_colour_breaker_state").tag("issuer", issuer).gauge()).as(issuer).isNotNull();
            assertThat(registry.find("hc_colour_lookups_in_flight").tag("issuer", issuer).gauge()).as(issuer)
                    .isNotNull();
        }
        List<Meter> perStoreFamilies = registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("hc_authority_request")).toList();
        assertThat(perStoreFamilies).allMatch(m -> m.getId().getTag("issuer") != null);
    }
}
