package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.ColourAnswer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.support.FakeStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A store that is slow, down, erroring or talking garbage: every scan is answered, degraded, within budget. */
class StoreFaultsTest extends ColourFixture {

    @Test
    void colourOf_storeTakes3s_answeredFromFreshSnapshotBeforeStoreAnswers() throws Exception {
        online(Map.of("colour.budgetMs", 150));
        store.colours.put("s-1", "red");
        store.latencyMs = 3000;

        ColourAnswer answer = scan(code("s-1", Colour.GREEN));

        assertThat(answer).isEqualTo(ColourAnswer.degraded(Colour.GREEN, ColourSource.CODE, Degradation.TIMEOUT));
        assertThat(store.answered.get()).as("the scan was answered before the store answered").isZero();
        assertThat(counter("hc_colour_degraded", "kind", "subject", "why", "timeout", "source", "code"))
                .isEqualTo(1);
    }

    @Test
    void colourOf_storeAnswersAfterBudget_lookupStillFillsCache() throws Exception {
        online(Map.of("colour.budgetMs", 150));
        store.colours.put("s-1", "yellow");
        store.latencyMs = 400;

        assertThat(scan(code("s-1", Colour.GREEN)).degraded()).isTrue();
        eventually(() -> store.answered.get() == 1);
        eventually(() -> counter("hc_authority_requests", "endpoint", "lookup", "outcome", "ok") == 1);

        assertThat(scan(code("s-1", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.YELLOW, ColourSource.CACHE));
        assertThat(store.requests.get()).isEqualTo(1);
    }

    @Test
    void colourOf_storeDown_freshSnapshotDecidesDegraded() throws Exception {
        onlineWithStoreDown(Map.of("colour.budgetMs", 150));

        ColourAnswer answer = scan(code("s-1", Colour.YELLOW));

        assertThat(answer.colour()).isEqualTo(Colour.YELLOW);
        assertThat(answer.source()).isEqualTo(ColourSource.CODE);
        assertThat(answer.degraded()).isTrue();
        assertThat(answer.why()).isIn(Degradation.STORE_UNREACHABLE, Degradation.TIMEOUT);
    }

    @Test
    void colourOf_storeDownSnapshotTooOldForScene_sceneFallbackDecides() throws Exception {
        onlineWithStoreDown(Map.of("colour.budgetMs", 150));
        var code = code("s-1", Colour.GREEN, NOW - 2 * 3600); // airport accepts snapshots up to 1 h old

        ColourAnswer answer = scan(code, "airport");

        assertThat(answer.colour()).isNull();
        assertThat(answer.degraded()).isTrue();
        Verdict verdict = new ScenePolicy().decide(scene("airport"), code, answer);
        assertThat(verdict.decision()).isEqualTo(Decision.MANUAL);
        assertThat(verdict.reason()).isEqualTo(Reason.AUTHORITY_UNAVAILABLE);
        assertThat(verdict.degraded()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = FakeStore.Mode.class, names = {"NOT_JSON", "MISSING_ENTRY", "DUPLICATE_ENTRY",
            "FOREIGN_ENTRY", "BAD_COLOUR", "NEGATIVE_TTL", "FUTURE_AS_OF", "AS_OF_AS_TEXT", "NO_AS_OF", "HUGE_BODY"})
    void colourOf_storeAnswersGarbage_treatedAsNoAnswer(FakeStore.Mode garbage) throws Exception {
        online();
        store.colours.put("s-1", "green");
        store.mode = garbage;

        ColourAnswer answer = scan(code("s-1", Colour.YELLOW));

        assertThat(answer).isEqualTo(ColourAnswer.degraded(Colour.YELLOW, ColourSource.CODE, Degradation.STORE_GARBAGE));
        store.mode = FakeStore.Mode.NORMAL;
        assertThat(scan(code("s-1", Colour.YELLOW)).source()).as("garbage was not cached")
                .isEqualTo(ColourSource.AUTHORITY);
    }

    @Test
    void colourOf_storeResetsConnection_unreachableDegraded() throws Exception {
        online();
        store.mode = FakeStore.Mode.RESET;

        ColourAnswer answer = scan(code("s-1", Colour.GREEN));

        assertThat(answer).isEqualTo(ColourAnswer.degraded(Colour.GREEN, ColourSource.CODE, Degradation.STORE_UNREACHABLE));
    }

    @Test
    void colourOf_storeNeverAnswers_budgetAnswersAndRequestTimesOut() throws Exception {
        online(Map.of("colour.budgetMs", 100, "authority.requestTimeoutMs", 300));
        store.mode = FakeStore.Mode.HANG;

        assertThat(scan(code("s-1", Colour.GREEN)).why()).isEqualTo(Degradation.TIMEOUT);
        eventually(() -> counter("hc_authority_requests", "endpoint", "lookup", "outcome", "store_timeout") == 1);
    }

    @Test
    void colourOf_storeErrorsRepeatedly_breakerOpensThenRecoversAfterOpenTime() throws Exception {
        online(Map.of("colour.breakerFailures", 3, "colour.breakerOpenMs", 5000));
        store.status = 500;
        for (int i = 0; i < 3; i++) {
            assertThat(scan(code("s-" + i, Colour.GREEN)).why()).isEqualTo(Degradation.STORE_STATUS);
        }

        ColourAnswer refused = scan(code("s-9", Colour.GREEN));

        assertThat(refused).isEqualTo(ColourAnswer.degraded(Colour.GREEN, ColourSource.CODE, Degradation.BREAKER_OPEN));
        assertThat(store.requests.get()).isEqualTo(3);
        assertThat(registry.get("hc_colour_breaker_state").gauge().value()).isEqualTo(2);

        store.status = 200;
        store.colours.put("s-9", "orange");
        clock.advanceMillis(4999);
        assertThat(scan(code("s-9", Colour.GREEN)).why()).isEqualTo(Degradation.BREAKER_OPEN);
        clock.advanceMillis(1);
        assertThat(registry.get("hc_colour_breaker_state").gauge().value()).isEqualTo(1);
        assertThat(scan(code("s-9", Colour.GREEN))).isEqualTo(ColourAnswer.of(Colour.ORANGE, ColourSource.AUTHORITY));
        assertThat(registry.get("hc_colour_breaker_state").gauge().value()).isZero();
    }

    @Test
    void colourOf_storeSheds429WithRetryAfter_noRequestsUntilThen() throws Exception {
        online();
        store.status = 429;
        store.retryAfter = "30";
        assertThat(scan(code("s-1", Colour.GREEN)).why()).isEqualTo(Degradation.STORE_SHEDDING);
        store.status = 200;
        store.colours.put("s-2", "green");

        clock.advanceSeconds(29);
        assertThat(scan(code("s-2", Colour.YELLOW)))
                .isEqualTo(ColourAnswer.degraded(Colour.YELLOW, ColourSource.CODE, Degradation.BACKOFF));
        assertThat(store.requests.get()).isEqualTo(1);

        clock.advanceSeconds(1);
        assertThat(scan(code("s-2", Colour.YELLOW))).isEqualTo(ColourAnswer.of(Colour.GREEN, ColourSource.AUTHORITY));
        assertThat(store.requests.get()).isEqualTo(2);
    }

    @Test
    void colourOf_storeSheds503WithoutRetryAfter_defaultBackoff() throws Exception {
        online(Map.of("authority.defaultRetryAfterSeconds", 2));
        store.status = 503;
        assertThat(scan(code("s-1", Colour.GREEN)).why()).isEqualTo(Degradation.STORE_SHEDDING);

        clock.advanceSeconds(1);
        assertThat(scan(code("s-1", Colour.GREEN)).why()).isEqualTo(Degradation.BACKOFF);
        clock.advanceSeconds(1);
        assertThat(scan(code("s-1", Colour.GREEN)).why()).isEqualTo(Degradation.STORE_SHEDDING);
        assertThat(store.requests.get()).isEqualTo(2);
    }
}
