package dev.hcgateway.dcc;

import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.model.CertificateType;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.dcc.DccCorpus.Dsc;
import dev.hcgateway.model.DccVerdict;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Reason;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import dev.hcgateway.model.SubjectKey;
import org.junit.jupiter.api.Test;
import dev.hcgateway.support.VerifyPipelines;

/**
 * Every DCC reason from one self-made corpus, judged by the pipeline the gateway runs: signer certificates
 * with and without key-usage OIDs, ES256 and PS256, both kid positions, broken layers, expired signers,
 * and each scene rule.
 */
class DccJudgementTest {

    static final long NOW = Instant.parse("2021-06-01T12:00:00Z").getEpochSecond();
    static final long IAT = NOW - 86400;
    static final long EXP = NOW + 365 * 86400L;
    static final Instant FROM = Instant.parse("2021-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2023-01-01T00:00:00Z");

    static Dsc ec;
    static Dsc rsa2048;
    static Dsc rsa3072;
    static Dsc expired;
    static Dsc testOnly;
    static Dsc vaccinationOnly;
    static Dsc unlisted;
    static VerifyPipeline pipeline;
    static LocalRevocations revocations;
    static Map<String, Scene> scenes;

    @BeforeAll
    static void corpus() throws Exception {
        ec = DccCorpus.dsc("AT", DccCorpus.ec(), FROM, UNTIL);
        rsa2048 = DccCorpus.dsc("DE", DccCorpus.rsa(2048), FROM, UNTIL);
        rsa3072 = DccCorpus.dsc("FR", DccCorpus.rsa(3072), FROM, UNTIL);
        expired = DccCorpus.dsc("AT", DccCorpus.ec(), FROM, Instant.parse("2021-05-01T00:00:00Z"));
        testOnly = DccCorpus.dsc("AT", DccCorpus.ec(), FROM, UNTIL, DccCorpus.EKU_TEST_ALT);
        vaccinationOnly = DccCorpus.dsc("AT", DccCorpus.ec(), FROM, UNTIL, DccCorpus.EKU_VACCINATION);
        unlisted = DccCorpus.dsc("AT", DccCorpus.ec(), FROM, UNTIL);
        CryptoProvider crypto = CryptoProvider.select(true);
        TrustList list = new TrustListParser(crypto.ecKeyFactory()).parse(DccCorpus.trustJson(
                List.of(ec, rsa2048, rsa3072, expired, testOnly, vaccinationOnly)).getBytes(StandardCharsets.UTF_8),
                "corpus");
        MutableClock clock = new MutableClock(NOW);
        revocations = new LocalRevocations();
        pipeline = VerifyPipelines.offline(list, crypto, clock).revocations(revocations)
                .time(300, ValidityBounds.SIGNED_EXP).build();
        scenes = Gateways.config(Map.of()).scenes();
    }

    static Outcome judge(String code, String scene) {
        return pipeline.verify(code, scenes.get(scene)).result();
    }

    static byte[] fullCourse() {
        return DccCorpus.vaccination("AT", IAT, EXP, "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B", 2, 2,
                "2021-04-01");
    }

    static String freshTest() {
        return "2021-06-01T08:00:00Z";
    }

    @Test
    void validCertificates_es256AndPs256_bothKidPositions_pass() {
        byte[] v = fullCourse();
        for (String code : List.of(DccCorpus.signer(ec).sign(v), DccCorpus.signer(ec).kidUnprotected().sign(v),
                DccCorpus.signer(ec).tagged().sign(v), DccCorpus.signer(rsa2048).sign(v),
                DccCorpus.signer(rsa3072).kidUnprotected().sign(v), DccCorpus.signer(vaccinationOnly).sign(v))) {
            Outcome o = judge(code, "airport");
            assertThat(o).isInstanceOf(DccVerdict.class);
            assertThat(o.decision()).isEqualTo(Decision.PASS);
            DccVerdict d = (DccVerdict) o;
            assertThat(d.issuer()).isEqualTo("AT");
            assertThat(d.certificate().uvci()).startsWith("URN:UVCI:01:AT:");
            assertThat(d.certificate().type()).isEqualTo(CertificateType.VACCINATION);
        }
    }

    @Test
    void brokenLayers_answerTheirDecodingReason() {
        byte[] v = fullCourse();
        assertReason(DccCorpus.signer(ec).uncompressed().sign(v), Reason.MALFORMED);
        assertReason(DccCorpus.signer(ec).prefix("HC2:").sign(v), Reason.UNSUPPORTED_FORMAT);
        assertReason("HL0:" + DccCorpus.signer(ec).sign(v).substring(4), Reason.UNSUPPORTED_FORMAT);
        assertReason("HC1:" + "a!b", Reason.MALFORMED);
        assertReason("HC1:", Reason.MALFORMED);
        assertReason(DccCorpus.signer(ec).alg(-35).sign(v), Reason.UNSUPPORTED_ALGORITHM);
        byte[] twoTypes = DccCorpus.claims("AT", IAT, EXP, "v", g -> {
            g.writeFieldName("ci");
            g.writeString("URN:UVCI:X");
            g.writeEndObject();
            g.writeEndArray();
            g.writeFieldName("t");
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName("ci");
            g.writeString("URN:UVCI:Y");
        });
        assertReason(DccCorpus.signer(ec).sign(twoTypes), Reason.MALFORMED);
        assertReason(DccCorpus.signer(ec).sign(DccCorpus.claims("AT", IAT, EXP, null, g -> { })), Reason.MALFORMED);
        assertReason(DccCorpus.signer(ec).sign(new byte[]{(byte) 0x82, 1, 2}), Reason.MALFORMED);
    }

    @Test
    void trustFaults_answerUnknownKeyBadSignatureKeyExpiredUnsuitableKey() {
        byte[] v = fullCourse();
        assertReason(DccCorpus.signer(unlisted).sign(v), Reason.UNKNOWN_KEY);
        assertReason(DccCorpus.signer(unlisted).kid(ec.kid()).sign(v), Reason.BAD_SIGNATURE);
        assertReason(DccCorpus.signer(ec).alg(-37).sign(v), Reason.BAD_SIGNATURE);
        assertReason(DccCorpus.signer(expired).sign(v), Reason.KEY_EXPIRED);
        byte[] beforeSigner = DccCorpus.vaccination("AT", FROM.getEpochSecond() - 10, EXP, "URN:UVCI:01:AT:1", 2, 2,
                "2021-04-01");
        assertReason(DccCorpus.signer(ec).sign(beforeSigner), Reason.KEY_EXPIRED);
        assertReason(DccCorpus.signer(testOnly).sign(v), Reason.UNSUITABLE_KEY);
        byte[] test = DccCorpus.test("AT", IAT, EXP, "URN:UVCI:01:AT:T1", freshTest(), "260415000");
        assertThat(judge(DccCorpus.signer(testOnly).sign(test), "airport").decision()).isEqualTo(Decision.PASS);
        assertReason(DccCorpus.signer(vaccinationOnly).sign(test), Reason.UNSUITABLE_KEY);
    }

    @Test
    void cwtTimes_answerExpiredAndNotYetValid() {
        byte[] old = DccCorpus.vaccination("AT", NOW - 30 * 86400L, NOW - 3600, "URN:UVCI:1", 2, 2,
                "2021-04-01");
        assertReason(DccCorpus.signer(ec).sign(old), Reason.EXPIRED);
        byte[] future = DccCorpus.vaccination("AT", NOW + 3600, EXP, "URN:UVCI:2", 2, 2, "2021-04-01");
        assertReason(DccCorpus.signer(ec).sign(future), Reason.NOT_YET_VALID);
    }

    @Test
    void revokedUvci_isDenied_throughTheSubjectRevocation() {
        String uvci = "URN:UVCI:01:AT:REVOKED#1";
        String code = DccCorpus.signer(ec).sign(DccCorpus.vaccination("AT", IAT, EXP, uvci, 2, 2, "2021-04-01"));
        assertThat(judge(code, "airport").decision()).isEqualTo(Decision.PASS);
        revocations.revokeSubject(SubjectKey.everyIssuer(uvci), IAT + 1);
        assertReason(code, Reason.REVOKED);
    }

    @Test
    void sceneRules_answerTheirReasonsWithTheFailAction() {
        byte[] incomplete = DccCorpus.vaccination("AT", IAT, EXP, "URN:UVCI:3", 1, 2, "2021-04-01");
        byte[] tooRecent = DccCorpus.vaccination("AT", IAT, EXP, "URN:UVCI:4", 2, 2, "2021-05-25");
        byte[] oldTest = DccCorpus.test("AT", IAT, EXP, "URN:UVCI:5", "2021-05-28T10:00:00+02:00", "260415000");
        byte[] positive = DccCorpus.test("AT", IAT, EXP, "URN:UVCI:6", freshTest(), "260373001");
        byte[] lapsed = DccCorpus.recovery("AT", IAT, EXP, "URN:UVCI:7", "2021-01-01", "2021-05-31");
        byte[] recovered = DccCorpus.recovery("AT", IAT, EXP, "URN:UVCI:8", "2021-02-01", "2021-07-31");
        assertManual(incomplete, Reason.VACCINATION_INCOMPLETE);
        assertManual(tooRecent, Reason.VACCINATION_INCOMPLETE);
        assertManual(oldTest, Reason.TEST_TOO_OLD);
        assertManual(positive, Reason.TEST_POSITIVE);
        assertManual(lapsed, Reason.RECOVERY_NOT_VALID);
        assertThat(judge(DccCorpus.signer(ec).sign(recovered), "rail").decision()).isEqualTo(Decision.PASS);
        Outcome metro = judge(DccCorpus.signer(ec).sign(fullCourse()), "metro");
        assertThat(metro.decision()).isEqualTo(Decision.MANUAL);
        assertThat(metro.reason()).isEqualTo(Reason.FORMAT_NOT_ACCEPTED);
        Scene testsOnly = Gateways.config(Map.of("scenes.rail.dcc.accept", List.of("test"),
                "scenes.rail.dcc.failAction", "deny")).scene("rail");
        Outcome notAccepted = pipeline.verify(DccCorpus.signer(ec).sign(fullCourse()), testsOnly).result();
        assertThat(notAccepted.decision()).isEqualTo(Decision.DENY);
        assertThat(notAccepted.reason()).isEqualTo(Reason.DCC_TYPE_NOT_ACCEPTED);
    }

    static void assertManual(byte[] claims, Reason reason) {
        Outcome o = judge(DccCorpus.signer(ec).sign(claims), "airport");
        assertThat(o.reason()).isEqualTo(reason);
        assertThat(o.decision()).isEqualTo(Decision.MANUAL);
    }

    static void assertReason(String code, Reason reason) {
        Outcome o = judge(code, "airport");
        assertThat(o.reason()).as(reason.wire()).isEqualTo(reason);
        assertThat(o.decision()).isEqualTo(Decision.DENY);
    }
}
