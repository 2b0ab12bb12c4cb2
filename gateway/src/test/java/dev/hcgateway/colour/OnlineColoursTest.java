package dev.hcgateway.colour;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.policy.ScenePolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's word: it overrides the snapshot, it is cached for its TTL, and unknown subjects are denied. */
class OnlineColoursTest extends ColourFixture {

    @Test
    void colourOf_storeSaysRedSnapshotGreen_storeColourDecides() throws Exception {
        online();
        store.colours.put("s-1", "red");

        ColourAnswer answer = scan(code("s-1", Colour.GREEN));

        assertThat(answer).isEqualTo(ColourAnswer.of(Colour.RED, ColourSource.AUTHORITY));
        Verdict verdict = new ScenePolicy().decide(scene("metro"), code("s-1", Colour.GREEN), answer);
        assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        assertThat(verdict.reason()).isEqualTo(Reason.COLOUR_RED);
    }

    @Test
    void colourOf_secondScan_cacheHitWithoutStoreCall() throws Exception {
        online();
        store.colours.put("s-1", "yellow");

        assertThat(scan(code("s-1", Colour.GREEN)).source()).isEqualTo(ColourSource.AUTHORITY);
        ColourAnswer second = scan(code("s-1", Colour.GREEN));

        assertThat(second).isEqualTo(ColourAnswer.of(Colour.YELLOW, ColourSource.CACHE));
        assertThat(store.requests.get()).isEqualTo(1);
        assertThat(counter("hc_colour_cache_requests", "kind", "subject", "result", "hit")).isEqualTo(1);
        assertThat(counter("hc_colour_cache_requests", "kind", "subject", "result", "miss")).isEqualTo(1);
    }

    @Test
    void colourOf_storeDoesNotKnowSubject_policyDeniesUnknownSubject() throws Exception {
        online();

        ColourAnswer answer = scan(code("s-nobody", Colour.GREEN));

        assertThat(answer).isEqualTo(ColourAnswer.of(Colour.UNKNOWN, ColourSource.AUTHORITY));
        Verdict verdict = new ScenePolicy().decide(scene("metro"), code("s-nobody", Colour.GREEN), answer);
        assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        assertThat(verdict.reason()).isEqualTo(Reason.UNKNOWN_SUBJECT);
    }

    @Test
    void colourOf_ttlElapsedOnClock_looksUpAgain() throws Exception {
        online();
        store.colours.put("s-1", "green");
        store.ttlSeconds = 30L;
        scan(code("s-1", Colour.GREEN));

        clock.advanceSeconds(29);
        assertThat(scan(code("s-1", Colour.GREEN)).source()).isEqualTo(ColourSource.CACHE);
        store.colours.put("s-1", "orange");
        clock.advanceSeconds(1);
        ColourAnswer after = scan(code("s-1", Colour.GREEN));

        assertThat(after).isEqualTo(ColourAnswer.of(Colour.ORANGE, ColourSource.AUTHORITY));
        assertThat(store.requests.get()).isEqualTo(2);
    }

    @Test
    void colourOf_storeTtlOverConfigCap_cappedTtl() throws Exception {
        online(Map.of("colour.maxTtlSeconds", 120));
        store.colours.put("s-1", "green");
        store.ttlSeconds = 86_400L;
        scan(code("s-1", Colour.GREEN));

        clock.advanceSeconds(119);
        assertThat(scan(code("s-1", Colour.GREEN)).source()).isEqualTo(ColourSource.CACHE);
        clock.advanceSeconds(1);
        assertThat(scan(code("s-1", Colour.GREEN)).source()).isEqualTo(ColourSource.AUTHORITY);
        assertThat(store.requests.get()).isEqualTo(2);
    }

    @Test
    void colourOf_answerWithoutTtl_defaultTtl() throws Exception {
        online(Map.of("colour.defaultTtlSeconds", 10));
        store.colours.put("s-1", "green");
        store.ttlSeconds = null;
        scan(code("s-1", Colour.GREEN));

        clock.advanceSeconds(9);
        assertThat(scan(code("s-1", Colour.GREEN)).source()).isEqualTo(ColourSource.CACHE);
        clock.advanceSeconds(1);
        assertThat(scan(code("s-1", Colour.GREEN)).source()).isEqualTo(ColourSource.AUTHORITY);
    }

    @Test
    void colourOf_tokenConfigured_sentAsBearer() throws Exception {
        online(Map.of("authority.token", "store-t0ken"));
        store.colours.put("s-1", "green");

        scan(code("s-1", Colour.GREEN));

        assertThat(store.authorizations).containsExactly("Bearer store-t0ken");
        assertThat(store.bodies.get(0)).as("a batch names its issuer").isEqualTo("{\"issuer\":\"330100\",\"subjects\":[\"s-1\"]}");
    }

    @Test
    void online_always_true() {
        assertThat(online().online()).isTrue();
    }
}
