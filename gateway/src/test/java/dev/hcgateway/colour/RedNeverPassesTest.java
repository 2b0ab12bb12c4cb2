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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever stands in for the store, a red seen anywhere keeps denying; recovery brings the store's word back. */
class RedNeverPassesTest extends ColourFixture {

    private Verdict judge(dev.hcgateway.model.HealthCode code, String sceneName) throws Exception {
        return new ScenePolicy().decide(scene(sceneName), code, scan(code, sceneName));
    }

    @Test
    void colourOf_snapshotRedStoreDown_denies() throws Exception {
        onlineWithStoreDown(Map.of("colour.budgetMs", 150));

        Verdict verdict = judge(code("s-1", Colour.RED), "metro");

        assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        assertThat(verdict.reason()).isEqualTo(Reason.COLOUR_RED);
        assertThat(verdict.degraded()).isTrue();
    }

    @Test
    void colourOf_snapshotRedTooOldForSceneStoreDown_stillDeniesNotFallback() throws Exception {
        onlineWithStoreDown(Map.of("colour.budgetMs", 150));

        Verdict verdict = judge(code("s-1", Colour.RED, NOW - 3 * 86_400), "metro");

        assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        assertThat(verdict.reason()).isEqualTo(Reason.COLOUR_RED);
    }

    @Test
    void colourOf_staleCachedRedSnapshotGreenStoreDown_denies() throws Exception {
        online(Map.of("colour.maxStaleSeconds", 300, "colour.redRetentionSeconds", 86_400));
        store.colours.put("s-1", "red");
        store.ttlSeconds = 60L;
        assertThat(judge(code("s-1", Colour.GREEN), "metro").decision()).isEqualTo(Decision.DENY);
        store.status = 500;

        clock.advanceSeconds(61);
        Verdict stale = judge(code("s-1", Colour.GREEN), "metro");
        clock.advanceSeconds(3600); // past maxStale, within the red retention
        Verdict older = judge(code("s-1", Colour.GREEN), "metro");

        for (Verdict v : new Verdict[]{stale, older}) {
            assertThat(v.decision()).isEqualTo(Decision.DENY);
            assertThat(v.reason()).isEqualTo(Reason.COLOUR_RED);
            assertThat(v.source()).isEqualTo(ColourSource.CACHE);
            assertThat(v.degraded()).isTrue();
        }
    }

    @Test
    void colourOf_staleCachedGreenSnapshotRedStoreDown_denies() throws Exception {
        online();
        store.colours.put("s-1", "green");
        scan(code("s-1", Colour.GREEN));
        store.status = 500;
        clock.advanceSeconds(61);

        Verdict verdict = judge(code("s-1", Colour.RED), "metro");

        assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        assertThat(verdict.reason()).isEqualTo(Reason.COLOUR_RED);
        assertThat(verdict.source()).isEqualTo(ColourSource.CODE);
    }

    @Test
    void colourOf_staleCachedRedStoreSlow_deniesWithinBudget() throws Exception {
        online(Map.of("colour.budgetMs", 150));
        store.colours.put("s-1", "red");
        scan(code("s-1", Colour.GREEN)); // may time out cold; the lookup still fills the cache
        eventually(() -> store.answered.get() == 1);
        store.latencyMs = 3000;
        clock.advanceSeconds(61);

        Verdict verdict = judge(code("s-1", Colour.GREEN), "metro");

        assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        assertThat(verdict.colour()).isEqualTo(Colour.RED);
        assertThat(verdict.degraded()).isTrue();
        assertThat(store.answered.get()).isEqualTo(1);
    }

    @Test
    void colourOf_storeBackAfterOutage_storeWordAgain() throws Exception {
        online(Map.of("colour.breakerFailures", 1, "colour.breakerOpenMs", 1000));
        store.status = 500;
        assertThat(scan(code("s-1", Colour.RED)).degraded()).isTrue();
        assertThat(scan(code("s-1", Colour.RED)).why()).isEqualTo(Degradation.BREAKER_OPEN);

        store.status = 200;
        store.colours.put("s-1", "green"); // recovered since the code was issued
        clock.advanceSeconds(1);

        assertThat(scan(code("s-1", Colour.RED))).isEqualTo(ColourAnswer.of(Colour.GREEN, ColourSource.AUTHORITY));
    }
}
