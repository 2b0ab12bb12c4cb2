package dev.hcgateway.offline;

import dev.hcgateway.code.TimeRules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hcgateway.code.CodeDecoder;
import dev.hcgateway.code.CryptoProvider;
import dev.hcgateway.code.Es256Verifier;
import dev.hcgateway.colour.SnapshotColours;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.answer.OutcomeJson;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.policy.ScenePolicy;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.trust.TrustListParser;
import dev.hcgateway.trust.TrustStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code verify} command: judges codes without a server, in the offline mode (no Redis, no store: the
 * signed colour decides), printing one answer line per code in the HTTP answer's shape. Codes come as
 * arguments, or with {@code -} as JSON lines {@code {"code", "at"?, "scene"?}} on standard input.
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

    /** Runs the command; returns 0 when every code was judged, 1 when a line could not be, 2 on a usage error. */
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String trustFile = null;
        String sceneName = config.verify().defaultScene();
        Instant at = null;
        List<String> codes = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--trust" -> trustFile = value(args, ++i);
                    case "--scene" -> sceneName = value(args, ++i);
                    case "--at" -> at = Instant.parse(value(args, ++i));
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        codes.add(a);
                    }
                }
            }
            if (trustFile == null || codes.isEmpty() || !config.scenes().containsKey(sceneName)) {
                throw new IllegalArgumentException(trustFile == null ? "--trust is required"
                        : codes.isEmpty() ? "give codes, or - for JSON lines on standard input"
                        : "unknown scene " + sceneName);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        TrustStore trust;
        CryptoProvider crypto = CryptoProvider.select(config.verify().nativeCrypto());
        try {
            trust = TrustStore.fixed(new TrustListParser(crypto.ecKeyFactory())
                    .parse(Files.readAllBytes(Path.of(trustFile)), trustFile), new SimpleMeterRegistry());
        } catch (Exception e) {
            err.println("cannot use the trust list: " + e.getMessage());
            return 2;
        }
        Judge judge = new Judge(trust, new Es256Verifier(crypto));
        if (codes.equals(List.of("-"))) {
            return lines(judge, in, out, err, sceneName, at);
        }
        for (String code : codes) {
            out.println(judge.answer(code, config.scene(sceneName), at == null ? clock.instant() : at));
        }
        return 0;
    }

    private int lines(Judge judge, InputStream in, PrintStream out, PrintStream err, String sceneName, Instant at) {
        int status = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode request = json.readTree(line);
                    String code = request.path("code").asText(null);
                    Scene scene = config.scenes().get(request.path("scene").asText(sceneName));
                    Instant when = request.hasNonNull("at") ? Instant.parse(request.get("at").asText())
                            : at == null ? clock.instant() : at;
                    if (code == null || scene == null) {
                        throw new IllegalArgumentException(code == null ? "no \"code\"" : "unknown scene");
                    }
                    out.println(judge.answer(code, scene, when));
                } catch (Exception e) {
                    // Kept in place so that answers still line up with requests; the line itself is never echoed.
                    out.println("{\"error\":\"invalid_line\"}");
                    err.println("line " + n + ": not judged: " + why(e));
                    status = 1;
                }
            }
        } catch (java.io.IOException e) {
            err.println("cannot read standard input: " + e.getMessage());
            return 1;
        }
        return status;
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

    private static String value(List<String> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
        }
        return args.get(i);
    }

    /** Builds an offline pipeline per judgement, on a clock fixed at that judgement's instant. */
    private final class Judge {
        private final TrustStore trust;
        private final Es256Verifier verifier;
        private final CodeDecoder decoder = new CodeDecoder();

        Judge(TrustStore trust, Es256Verifier verifier) {
            this.trust = trust;
            this.verifier = verifier;
        }

        String answer(String code, Scene scene, Instant at) {
            Clock fixed = Clock.fixed(at, ZoneOffset.UTC);
            VerifyPipeline pipeline = new VerifyPipeline(decoder, trust, verifier, new LocalRevocations(),
                    new SnapshotColours(fixed), new ScenePolicy(), fixed,
                    new TimeRules(config.verify().clockSkewSeconds(), config.codes().maxValidity()));
            // Offline stages answer at once: the future is already complete.
            Outcome outcome = pipeline.verify(code, scene).toCompletionStage().toCompletableFuture().join();
            return OutcomeJson.buffer(outcome).toString(StandardCharsets.UTF_8);
        }
    }
}
