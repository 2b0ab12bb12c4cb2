package dev.hcgateway.dcc;

import dev.hcgateway.hcn1.ValidityBounds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.model.DccVerdict;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Reason;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.model.Scene;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.trust.DscParser;
import dev.hcgateway.trust.TrustListParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import dev.hcgateway.model.RevocationLookup;
import dev.hcgateway.crypto.SignatureVerifiers;

/**
 * Runs the public EU test corpus (dgc-testdata) when {@code HC_DGC_TESTDATA} names a local checkout; skipped
 * otherwise (its files are not part of this repository). Each case: its signer certificate as the only trust
 * entry, its validation clock as now; an expected failure must be refused with the matching reason, an
 * expected success must not be refused for validity. Prints the disagreements and the tally.
 */
class DgcTestdataCheck {

    static final List<Object[]> LAYERS = List.of(
            new Object[]{"EXPECTEDUNPREFIX", Set.of(Reason.UNSUPPORTED_FORMAT)},
            new Object[]{"EXPECTEDB45DECODE", Set.of(Reason.MALFORMED)},
            new Object[]{"EXPECTEDCOMPRESSION", Set.of(Reason.MALFORMED)},
            new Object[]{"EXPECTEDDECODE", Set.of(Reason.MALFORMED, Reason.UNSUPPORTED_ALGORITHM)},
            new Object[]{"EXPECTEDVERIFY", Set.of(Reason.BAD_SIGNATURE, Reason.UNKNOWN_KEY,
                    Reason.UNSUPPORTED_ALGORITHM)},
            new Object[]{"EXPECTEDKEYUSAGE", Set.of(Reason.UNSUITABLE_KEY)},
            new Object[]{"EXPECTEDEXPIRATIONCHECK", Set.of(Reason.EXPIRED, Reason.NOT_YET_VALID, Reason.KEY_EXPIRED)});

    static boolean outsideTheYardstick(JsonNode expected) {
        for (var it = expected.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isBoolean() && !e.getValue().asBoolean()) {
                return true;
            }
        }
        return false;
    }

    static final java.time.format.DateTimeFormatter CLOCK = new java.time.format.DateTimeFormatterBuilder()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(java.time.temporal.ChronoField.OFFSET_SECONDS, 0).toFormatter();

    @Test
    @SuppressWarnings("unchecked")
    void corpus_agrees() throws Exception {
        String root = System.getenv("HC_DGC_TESTDATA");
        Assumptions.assumeTrue(root != null, "HC_DGC_TESTDATA not set");
        ObjectMapper json = new ObjectMapper();
        CryptoProvider crypto = CryptoProvider.select(true);
        SignatureVerifiers verifiers = new SignatureVerifiers(crypto);
        var config = Gateways.config(Map.of());
        Scene scene = config.scene("airport");
        long skew = config.verify().clockSkewSeconds();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(root))) {
            files = s.filter(p -> p.toString().endsWith(".json") && p.toString().contains("2DCode")).sorted().toList();
        }
        int agree = 0;
        int judged = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            JsonNode c;
            try {
                c = json.readTree(file.toFile());
            } catch (Exception e) {
                continue;
            }
            String prefix = c.path("PREFIX").asText(null);
            String cert = c.path("TESTCTX").path("CERTIFICATE").asText(null);
            if (prefix == null || cert == null || cert.isEmpty()) {
                continue;
            }
            String clock = c.path("TESTCTX").path("VALIDATIONCLOCK").asText("");
            Instant now = clock.isEmpty() ? Instant.now() : java.time.OffsetDateTime.parse(clock, CLOCK).toInstant();
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(cert);
            } catch (IllegalArgumentException e) {
                continue;
            }
            String trust = "{\"certificates\":[{\"kid\":\"" + Base64.getEncoder().encodeToString(DscParser.kidOf(der))
                    + "\",\"country\":\"" + file.getParent().getParent().getParent().getFileName() + "\",\"rawData\":\""
                    + Base64.getEncoder().encodeToString(der) + "\"}]}";
            Clock fixed = Clock.fixed(now, ZoneOffset.UTC);
            VerifyPipeline pipeline = VerifyPipeline.builder().trust(new TrustListParser(crypto.ecKeyFactory())
                            .parse(trust.getBytes(StandardCharsets.UTF_8), file.toString())).verifiers(verifiers)
                    .revocations(RevocationLookup.NONE).clock(fixed).time(skew, ValidityBounds.SIGNED_EXP).build();
            Outcome outcome = pipeline.verify(prefix, scene).result();
            JsonNode expected = c.path("EXPECTEDRESULTS");
            Set<Reason> wanted = null;
            String layer = "success";
            for (Object[] l : LAYERS) {
                if (expected.path((String) l[0]).isBoolean() && !expected.path((String) l[0]).asBoolean()) {
                    wanted = (Set<Reason>) l[1];
                    layer = (String) l[0];
                    break;
                }
            }
            if (wanted == null && outsideTheYardstick(expected)) {
                continue; // e.g. only EXPECTEDSCHEMAVALIDATION false: not one of the spec's seven checks
            }
            boolean ok = wanted == null ? outcome instanceof DccVerdict : wanted.contains(outcome.reason());
            judged++;
            if (ok) {
                agree++;
            } else {
                disagreements.add(Path.of(root).relativize(file) + ": expected " + layer + ", got "
                        + outcome.reason().wire());
            }
        }
        disagreements.forEach(System.out::println);
        System.out.println("dgc-testdata: " + agree + " of " + judged + " cases agree");
        assertThat(judged).isPositive();
    }
}
