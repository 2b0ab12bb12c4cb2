package dev.hcgateway.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hcgateway.answer.OutcomeJson;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.format.Judging;
import dev.hcgateway.hcn1.TimeRules;
import dev.hcgateway.hcn1.VerifiedMemo;
import dev.hcgateway.judge.CodeJudge;
import dev.hcgateway.judge.OfflineJudge;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.model.Scene;
import dev.hcgateway.trust.TrustAnchor;
import dev.hcgateway.trust.TrustAnchorException;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListException;
import dev.hcgateway.trust.TrustListParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The {@code verify} command's work: judges codes without a server, in the offline mode (no Redis, no store: the
 * signed colour decides), printing one answer line per code in the HTTP answer's shape. Codes come as arguments,
 * or with {@code -} as JSON lines {@code {"code", "at"?, "scene"?}} on standard input. Its options are parsed by
 * the command line ({@code cli/VerifyCommand}); this class only judges.
 */
public final class OfflineVerify {

    static final String USAGE = "usage: verify --trust FILE [--scene S] [--at INSTANT] (CODE ... | -)";

    private final GatewayConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** Creates the command over this configuration (scenes, skew, native crypto) and wall clock. */
    public OfflineVerify(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Judges {@code codes} (or, for {@code -}, the JSON lines of {@code in}) under the trust list in {@code trustFile}
     * at {@code sceneName} (null: the default scene), as at {@code at} (null: the wall clock). Returns 0 when every code
     * was judged, 1 when a line could not be, 2 on a usage error (unknown scene, no code, unusable trust list).
     */
    public int run(Path trustFile, String sceneName, Instant at, List<String> codes, InputStream in, PrintWriter out,
                   PrintWriter err) {
        String scene = sceneName != null ? sceneName : config.verify().defaultScene();
        if (codes.isEmpty() || !config.scenes().containsKey(scene)) {
            err.println(codes.isEmpty() ? "give codes, or - for JSON lines on standard input" : "unknown scene " + scene);
            err.println(USAGE);
            return 2;
        }
        CryptoProvider crypto = CryptoProvider.select(config.verify().nativeCrypto());
        TrustList trust;
        try {
            byte[] content = Files.readAllBytes(trustFile);
            checkSignature(content, trustFile);
            trust = new TrustListParser(crypto.ecKeyFactory()).parse(content, trustFile.toString());
        } catch (Exception e) {
            err.println("cannot use the trust list: " + e.getMessage());
            return 2;
        }
        Judge judge = new Judge(trust, new OfflineJudge(CodeJudge.standard(new SignatureVerifiers(crypto),
                new TimeRules(config.verify().clockSkewSeconds(), config.codes().maxValidity()), VerifiedMemo.none())));
        if (codes.equals(List.of("-"))) {
            return lines(judge, in, out, err, scene, at);
        }
        for (String code : codes) {
            out.println(judge.answer(code, config.scene(scene), at == null ? clock.instant() : at));
        }
        return 0;
    }

    /** With a trust anchor configured ({@code HC_TRUST_ANCHOR}), refuses a list it did not sign, as serve does. */
    private void checkSignature(byte[] content, Path trustFile) throws IOException, TrustListException {
        if (config.trust().anchorKey() == null) {
            return;
        }
        TrustAnchor anchor = TrustAnchor.read(Path.of(config.trust().anchorKey()));
        Path signatureFile = TrustAnchor.signatureFile(trustFile);
        byte[] signature = Files.exists(signatureFile) ? Files.readAllBytes(signatureFile) : null;
        if (anchor.check(content, signature, signatureFile.toString()) instanceof TrustAnchor.Refused refused) {
            throw new TrustAnchorException(refused.why(), refused.cause());
        }
    }

    private int lines(Judge judge, InputStream in, PrintWriter out, PrintWriter err, String sceneName, Instant at) {
        return new JsonLines(OfflineVerify::why).answerEach(in, out, err, line -> {
            JsonNode request = json.readTree(line);
            String code = request.path("code").asText(null);
            Scene scene = config.scenes().get(request.path("scene").asText(sceneName));
            Instant when = request.hasNonNull("at") ? Instant.parse(request.get("at").asText())
                    : at == null ? clock.instant() : at;
            if (code == null || scene == null) {
                throw new IllegalArgumentException(code == null ? "no \"code\"" : "unknown scene");
            }
            return judge.answer(code, scene, when);
        });
    }

    /** Says why a line was not judged in words, never quoting it (a parser's message would echo the code). */
    private static String why(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return "not JSON (one object {\"code\": ..., \"scene\": ..., \"at\": ...} per line)";
        }
        if (e instanceof java.time.format.DateTimeParseException) {
            return "\"at\" is not an ISO-8601 instant (e.g. 2026-12-06T08:00:00Z)";
        }
        return e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                : e.getClass().getSimpleName();
    }

    /** Judges one code as at one instant: its time rules and its snapshot's colour both as of that instant. */
    private record Judge(TrustList trust, OfflineJudge judge) {

        String answer(String code, Scene scene, Instant at) {
            return OutcomeJson.buffer(judge.judge(code, new Judging(trust, RevocationLookup.NONE, scene, at), at))
                    .toString(StandardCharsets.UTF_8);
        }
    }
}
