package dev.hcgateway.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.dcc.DccCorpus;
import dev.hcgateway.dcc.DccCorpus.Dsc;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Gateways;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verify command answers one line per code, in order, in the HTTP answer's shape. */
class OfflineVerifyTest {

    static final Instant NOW = Instant.parse("2021-06-01T12:00:00Z");
    @TempDir
    static Path dir;
    static Path trust;
    static String vaccination;
    static String test;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final OfflineVerify command = new OfflineVerify(Gateways.config(Map.of()), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void corpus() throws Exception {
        Dsc dsc = DccCorpus.dsc("AT", DccCorpus.ec(), Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2023-01-01T00:00:00Z"));
        trust = dir.resolve("trust.json");
        Files.writeString(trust, DccCorpus.trustJson(List.of(dsc)));
        long iat = NOW.getEpochSecond() - 3600;
        vaccination = DccCorpus.signer(dsc).sign(DccCorpus.vaccination("AT", iat, iat + 86400 * 365, "URN:UVCI:01:AT:V1",
                2, 2, "2021-04-01"));
        test = DccCorpus.signer(dsc).sign(DccCorpus.test("AT", iat, iat + 86400 * 3, "URN:UVCI:01:AT:T1",
                "2021-06-01T08:00:00Z", "260415000"));
    }

    /** Runs the command line as the jar does, on the test's clock. */
    static CliRun cli(String... args) {
        return CliRun.of(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), args);
    }

    static List<JsonObject> answers(String out) {
        return out.lines().map(JsonObject::new).toList();
    }

    List<JsonObject> answers() {
        return answers(out.toString());
    }

    @Test
    void codesAsArguments_oneAnswerEach_inTheHttpShape_withoutNameOrBirthDate() {
        CliRun run = cli("verify", "--trust", trust.toString(), "--scene", "airport", vaccination, "HCN1:XYZ", test);
        assertThat(run.rc()).as(run.err()).isZero();
        List<JsonObject> answers = answers(run.out());
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).getMap()).containsEntry("decision", "pass").containsEntry("reason", "ok")
                .containsEntry("kind", "dcc").containsEntry("certificateType", "vaccination")
                .containsEntry("issuer", "AT").containsEntry("subject", "URN:UVCI:01:AT:V1")
                .containsEntry("source", "code").doesNotContainKey("colour");
        assertThat(answers.get(1).getString("reason")).isEqualTo("malformed");
        assertThat(answers.get(2).getString("certificateType")).isEqualTo("test");
        assertThat(run.out() + run.err()).doesNotContain("Musterfrau").doesNotContain("Erika").doesNotContain("1964");
    }

    @Test
    void jsonLinesOnStdin_perLineClockAndScene_answersInOrder() {
        String lines = "{\"code\":\"" + test + "\"}\n"
                + "{\"code\":\"" + test + "\",\"at\":\"2021-06-05T12:00:00Z\"}\n"
                + "{\"code\":\"" + vaccination + "\",\"scene\":\"metro\"}\n"
                + "not json\n"
                + "{\"code\":\"HC2:ABC\"}\n";
        int status = command.run(trust, "rail", null, List.of("-"),
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true));
        List<String> reasons = answers().stream().map(a -> a.getString("reason", a.getString("error"))).toList();
        assertThat(reasons).containsExactly("ok", "expired", "format_not_accepted", "invalid_line",
                "unsupported_format");
        assertThat(status).as("a line could not be judged").isEqualTo(1);
    }

    @Test
    void unjudgedLines_saySoInWords_withoutEchoingTheLine() {
        String lines = "HCN1:NOT-JSON-SECRET\n{\"code\":\"HCN1:X\",\"at\":\"monday\"}\n{\"scene\":\"rail\"}\n";
        int status = command.run(trust, "rail", null, List.of("-"),
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString().lines().toList()).containsExactly(
                "line 1: not judged: not JSON (one object {\"code\": ..., \"scene\": ..., \"at\": ...} per line)",
                "line 2: not judged: \"at\" is not an ISO-8601 instant (e.g. 2026-12-06T08:00:00Z)",
                "line 3: not judged: no \"code\"");
    }

    @Test
    void atOption_setsTheClock() {
        CliRun run = cli("verify", "--trust", trust.toString(), "--scene", "airport", "--at", "2021-06-04T10:00:00Z",
                test);
        assertThat(run.rc()).as(run.err()).isZero();
        assertThat(answers(run.out()).get(0).getString("reason")).isEqualTo("test_too_old");
    }

    @Test
    void usageErrors_exitTwo_answeringNothing() {
        String file = trust.toString();
        for (String[] args : List.of(new String[]{"verify", vaccination},
                new String[]{"verify", "--trust", file},
                new String[]{"verify", "--trust", file, "--at", "yesterday", vaccination},
                new String[]{"verify", "--trust", file, "--scene", "moon", vaccination},
                new String[]{"verify", "--trust", dir.resolve("missing.json").toString(), vaccination})) {
            CliRun run = cli(args);
            assertThat(run.rc()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).containsAnyOf("usage: verify", "verify --help",
                    "cannot use the trust list");
        }
    }
}
