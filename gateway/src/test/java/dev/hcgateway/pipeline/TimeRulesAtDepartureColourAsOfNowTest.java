package dev.hcgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.support.MintedCodes;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import dev.hcgateway.support.VerifyPipelines;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A ticket checked ahead is judged with the time rules as of its departure, and with the colour of now: a code that
 * will have expired at departure is {@code expired}, while the signed colour's age is measured against the clock.
 */
class TimeRulesAtDepartureColourAsOfNowTest {

    private static final long NOW = 1_795_300_000L;
    private static final Instant DEPARTURE = Instant.ofEpochSecond(NOW + 2 * 86_400);
    private final CryptoProvider provider = CryptoProvider.jdk("test");
    private final MintedCodes codes = new MintedCodes(NOW);
    private final MutableClock clock = new MutableClock(NOW);
    private final VerifyPipeline pipeline = VerifyPipelines.create(TestData.trustList(provider), provider, clock, 60);
    /** Snapshots count for an hour; codes of any age are accepted (no screenshot rule in the way). */
    private final Scene scene = new Scene("ticket", Map.of(Colour.GREEN, Decision.PASS, Colour.YELLOW, Decision.DENY,
            Colour.ORANGE, Decision.DENY, Colour.RED, Decision.DENY), Long.MAX_VALUE / 4, 3600, Decision.MANUAL,
            false, Set.of());

    private Outcome verify(String code, Instant at) {
        return pipeline.verify(code, scene, at).result();
    }

    @Test
    void codeExpiringBeforeDeparture_isExpiredAtDeparture_butPassesNow() {
        String hourLong = codes.valid(Colour.GREEN);
        assertThat(verify(hourLong, clock.instant())).isInstanceOf(Verdict.class)
                .extracting(Outcome::decision).isEqualTo(Decision.PASS);
        assertThat(verify(hourLong, DEPARTURE)).isEqualTo(Rejection.of(Reason.EXPIRED));
    }

    @Test
    void codeValidAtDeparture_takesTheColourOfNow() {
        String paper = codes.paper(0); // printed now, its colour as of now, valid 14 days
        Outcome outcome = verify(paper, DEPARTURE);
        // Judged as of the departure, the snapshot would be two days old (over the scene's hour): no colour, manual.
        assertThat(outcome).isInstanceOfSatisfying(Verdict.class, v -> {
            assertThat(v.decision()).isEqualTo(Decision.PASS);
            assertThat(v.colour()).isEqualTo(Colour.GREEN);
            assertThat(v.source()).isEqualTo(ColourSource.CODE);
        });
    }
}
