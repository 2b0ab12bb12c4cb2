package dev.hcgateway.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hcgateway.answer.OutcomeJson;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.gate.BundleOpener;
import dev.hcgateway.gate.BundlePublicKey;
import dev.hcgateway.gate.Envelope;
import dev.hcgateway.gate.GateVerifier;
import dev.hcgateway.gate.Opening;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Scene;
import dev.hcgateway.trust.TrustListException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code gate} command's work: judges codes as an offline gate does, from a downloaded bundle checked against
 * the bundle key ({@link GateVerifier}), one answer line per code in {@code verify}'s shape with
 * {@code "source": "offline"}. A bundle whose signature fails is refused: exit 2 and one line, nothing judged.
 * Its options are parsed by the command line ({@code cli/GateCommand}); this class only judges.
 */
public final class OfflineGate {

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** Creates the command over this wall clock (the instant of a code given without {@code --at}). */
    public OfflineGate(Clock clock) {
        this.clock = clock;
    }

    /**
     * Judges {@code codes} (or, for {@code -}, the lines of {@code in}: a code, or a JSON object {@code {"code",
     * "scene", "gate", "at"}}) with the bundle in {@code bundleFile} signed by the JWK in {@code keyFile}. Returns 0
     * when every code was judged, 1 when a line could not be, 2 on a refused bundle or a usage error.
     */
    public int run(Path bundleFile, Path keyFile, String sceneName, Instant at, List<String> codes, InputStream in,
                   PrintWriter out, PrintWriter err) {
        if (codes.isEmpty()) {
            err.println("give codes, or - for lines on standard input");
            return 2;
        }
        CryptoProvider crypto = CryptoProvider.select(true);
        GateVerifier gate;
        try {
            if (Files.size(bundleFile) > Envelope.MAX_BYTES) {
                err.println("bundle refused: larger than " + Envelope.MAX_BYTES + " bytes");
                return 2;
            }
            BundlePublicKey key = BundlePublicKey.fromJwk(Files.readAllBytes(keyFile));
            Opening opening = new BundleOpener(key, new SignatureVerifiers(crypto).es256())
                    .open(Files.readAllBytes(bundleFile));
            if (opening instanceof Opening.Refused refused) {
                err.println("bundle refused: " + refused.why());
                return 2;
            }
            gate = new GateVerifier(((Opening.Opened) opening).bundle(), new SignatureVerifiers(crypto));
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("cannot use the key: " + e.getMessage());
            return 2;
        } catch (TrustListException e) {
            err.println("bundle refused: its trust list does not load");
            return 2;
        }
        Scene scene = gate.scene(sceneName);
        if (scene == null) {
            err.println("unknown scene " + sceneName + " (the bundle has " + gate.bundle().scenes().keySet() + ")");
            return 2;
        }
        if (codes.equals(List.of("-"))) {
            return lines(gate, scene, at, in, out, err);
        }
        for (String code : codes) {
            out.println(answer(gate.judge(code, scene, at == null ? clock.instant() : at)));
        }
        return 0;
    }

    private int lines(GateVerifier gate, Scene defaultScene, Instant at, InputStream in, PrintWriter out,
                      PrintWriter err) {
        return new JsonLines(OfflineGate::why).answerEach(in, out, err, line -> {
            String code = line.strip();
            Scene scene = defaultScene;
            Instant when = at == null ? clock.instant() : at;
            if (code.startsWith("{")) {
                JsonNode request = json.readTree(code);
                code = request.path("code").asText(null);
                scene = request.hasNonNull("scene") ? gate.scene(request.get("scene").asText()) : scene;
                when = request.hasNonNull("at") ? Instant.parse(request.get("at").asText()) : when;
            }
            if (code == null || scene == null) {
                throw new IllegalArgumentException(code == null ? "no \"code\"" : "unknown scene");
            }
            return answer(gate.judge(code, scene, when));
        });
    }

    /** Says why a line was not judged in words, never quoting it (a parser's message would echo the code). */
    private static String why(Exception e) {
        return e instanceof IllegalArgumentException && e.getMessage() != null
                && !(e instanceof java.time.format.DateTimeParseException) ? e.getMessage()
                : "not a code or a JSON object {\"code\", \"scene\", \"gate\", \"at\"}";
    }

    /** Returns the answer in {@code verify}'s shape, its {@code source} {@code offline}: the gate's own judgement. */
    private String answer(Outcome outcome) {
        Map<String, Object> fields = new LinkedHashMap<>();
        try {
            OutcomeJson.fields(outcome, fields::put);
            fields.put("source", "offline");
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }
}
