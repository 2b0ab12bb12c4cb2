package dev.hcgateway.passback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.VerifyPipelines;
import dev.hcgateway.config.PassbackConfig;
import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Place;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.passage.Places;
import dev.hcgateway.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One person who passed at a place cannot pass at another within the scene's window; a re-read at the same gate
 * answers as before and is not recorded again. In memory, on one gateway, with a MutableClock.
 */
class OnePersonOnePlaceAtATimeTest {

    private static final long NOW = 1_795_300_000L;
    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Passback passback = new Passback(
            Map.of("metro", new PassbackConfig(120, PassbackConfig.Action.MANUAL, 5), "venue", PassbackConfig.OFF),
            new Places(Map.of("SH-L2-PEOPLESQ-", new Place("SH-PEOPLESQ", "People's Square"),
                    "SH-L1-PEOPLESQ-", new Place("SH-PEOPLESQ", "People's Square"),
                    "SH-L9-XUJIAHUI-", new Place("SH-XUJIAHUI", "Xujiahui"))),
            new Sightings(10_000, 120, 5, clock), clock, registry);
    private final Scene metro = scene("metro");
    private final Scene venue = scene("venue");

    private static Scene scene(String name) {
        Scene s = VerifyPipelines.permissiveScene();
        return new Scene(name, s.decisions(), s.maxCodeAgeSeconds(), s.snapshotMaxAgeSeconds(), s.fallback(),
                s.requireVaccinated(), s.issuers());
    }

    private static Verdict green(String subject, int codeId, CodeKind kind, String relation) {
        return green("330100", subject, codeId, kind, relation);
    }

    private static Verdict green(String issuer, String subject, int codeId, CodeKind kind, String relation) {
        HealthCode code = new HealthCode(issuer, subject, NOW - 60, NOW + 3600, new byte[]{(byte) codeId},
                Colour.GREEN, NOW - 60, kind, relation, false);
        return new Verdict(Decision.PASS, Reason.OK, code, Colour.GREEN, ColourSource.CODE, false);
    }

    private static Verdict green(String subject, int codeId) {
        return green(subject, codeId, CodeKind.PERSONAL, null);
    }

    @Test
    void gatesOutsideThePlacesMap_takeNoPartInPassback() {
        passback.apply(metro, "SH-L2-PEOPLESQ-01", green("s1", 1));
        assertThat(passback.apply(metro, "UNMAPPED-GATE-1", green("s1", 2)).outcome().decision())
                .isEqualTo(Decision.PASS);
    }

    @Test
    void anotherCodeOfTheSamePerson_atAnotherPlace_insideTheWindow_isCodeInUse() {
        assertThat(passback.apply(metro, "SH-L2-PEOPLESQ-01", green("s1", 1)).outcome().decision())
                .isEqualTo(Decision.PASS);
        clock.advanceSeconds(1);
        Outcome second = passback.apply(metro, "SH-L9-XUJIAHUI-03", green("s1", 2)).outcome();
        assertThat(second.decision()).isEqualTo(Decision.MANUAL);
        assertThat(second.reason()).isEqualTo(Reason.CODE_IN_USE);
        assertThat(registry.get("hc_passback_hits_total").tag("scene", "metro").counter().count()).isEqualTo(1.0);
    }

    @Test
    void sameSubjectStringUnderAnotherIssuer_isAnotherPerson_notCodeInUse() {
        passback.apply(metro, "SH-L2-PEOPLESQ-01", green("440300", "s1", 1, CodeKind.PERSONAL, null));
        clock.advanceSeconds(1);
        assertThat(passback.apply(metro, "SH-L9-XUJIAHUI-03", green("310000", "s1", 2, CodeKind.PERSONAL, null))
                .outcome().decision()).isEqualTo(Decision.PASS);
        assertThat(passback.apply(metro, "SH-L9-XUJIAHUI-04", green("440300", "s1", 3, CodeKind.PERSONAL, null))
                .outcome().reason()).as("the first person, at another place").isEqualTo(Reason.CODE_IN_USE);
    }

    @Test
    void samePlaceByAnotherGate_isNotCodeInUse() {
        passback.apply(metro, "SH-L2-PEOPLESQ-01", green("s1", 1));
        assertThat(passback.apply(metro, "SH-L1-PEOPLESQ-07", green("s1", 2)).outcome().decision())
                .isEqualTo(Decision.PASS);
    }

    @Test
    void afterTheWindow_passes() {
        passback.apply(metro, "SH-L2-PEOPLESQ-01", green("s1", 1));
        clock.advanceSeconds(121);
        assertThat(passback.apply(metro, "SH-L9-XUJIAHUI-03", green("s1", 2)).outcome().decision())
                .isEqualTo(Decision.PASS);
    }

    @Test
    void sceneWithPassbackOff_passes() {
        passback.apply(metro, "SH-L2-PEOPLESQ-01", green("s1", 1));
        assertThat(passback.apply(venue, "MALL-7", green("s1", 2)).outcome().decision()).isEqualTo(Decision.PASS);
    }

    @Test
    void proxyCodeAndTheHoldersOwnCode_areDifferentPeople() {
        passback.apply(metro, "SH-L2-PEOPLESQ-01", green("s1", 1));
        assertThat(passback.apply(metro, "SH-L9-XUJIAHUI-03", green("s1", 2, CodeKind.PROXY, "child"))
                .outcome().decision()).isEqualTo(Decision.PASS);
    }

    @Test
    void reReadAtTheSameGate_answersTheFirstVerdict_andIsMarkedUnrecorded() {
        Verdict first = green("s1", 1);
        assertThat(passback.apply(metro, "G-1", first).reread()).isFalse();
        clock.advanceSeconds(2);
        Passback.Applied again = passback.apply(metro, "G-1", green("s1", 1));
        assertThat(again.reread()).isTrue();
        assertThat(again.outcome()).isSameAs(first);
    }

    @Test
    void reReadOfACodeRevokedMeanwhile_isDenied() {
        passback.apply(metro, "G-1", green("s1", 1));
        Passback.Applied again = passback.apply(metro, "G-1", new Rejection(Reason.REVOKED));
        assertThat(again.outcome().reason()).isEqualTo(Reason.REVOKED);
    }
}
