package dev.hcgateway.loadtest.bench;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Place;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Validation;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.passage.Places;
import dev.hcgateway.passback.FleetSightings;
import dev.hcgateway.passback.Passback;
import dev.hcgateway.passback.PersonKey;
import dev.hcgateway.passback.PersonKeys;
import dev.hcgateway.passback.SightingShare;
import dev.hcgateway.passback.Sightings;
import dev.hcgateway.pipeline.VerifyPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import dev.hcgateway.revocation.LocalRevocations;

/**
 * What passback adds to a scan at a gate of a configured place (docs/passages.md, "Across gateways"):
 * {@code personKey} is the keyed hash alone (HMAC-SHA256); {@code apply} is {@link Passback#apply} on 1,024 passing
 * verdicts cycled at one station, with sightings kept in this gateway only ({@code local}) or also queued for the
 * fleet ({@code fleet}: a {@link FleetSightings} never started, so every pass is queued and, past its bound, the
 * oldest dropped: the scan's side of sharing, with no Redis).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PassbackBenchmark {

    @Param({"local", "fleet"})
    public String share;

    private Passback passback;
    private PersonKeys keys;
    private Verdict[] verdicts;
    private String[] people;
    private Scene scene;
    private int i;

    @Setup
    public void assemble() throws Exception {
        BenchFixtures fixtures = new BenchFixtures();
        CryptoProvider crypto = BenchFixtures.provider("native");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VerifyPipeline pipeline = VerifyPipeline.builder().trust(fixtures.trustList(crypto)).crypto(crypto)
                .revocations(new LocalRevocations()).clock(fixtures.clock()).time(60, ValidityBounds.SIGNED_EXP).build();
        scene = BenchFixtures.scene("metro");
        String[] codes = fixtures.codes();
        verdicts = new Verdict[codes.length];
        people = new String[codes.length];
        for (int c = 0; c < codes.length; c++) {
            if (!(pipeline.validate(codes[c], scene) instanceof Validation.Valid valid)) {
                throw new IllegalStateException("fixture code is not valid");
            }
            verdicts[c] = new Verdict(Decision.PASS, Reason.OK, valid.code(), Colour.GREEN, ColourSource.CODE, false);
            people[c] = "c\n" + valid.code().issuer() + '\n' + valid.code().subject();
        }
        GatewayConfig config = new ConfigLoader().defaultsWith(Map.of("redis.uri", "redis://127.0.0.1:1/0"));
        Sightings sightings = new Sightings(200_000, 120, 5, fixtures.clock());
        keys = new PersonKeys(config.sightings().sightingKey());
        SightingShare shared = share.equals("fleet")
                ? new FleetSightings(config.redis(), config.sightings(), sightings, fixtures.clock(), registry)
                : SightingShare.LOCAL;
        passback = new Passback(config.passback(), new Places(Map.of("SH-L2-PEOPLESQ-",
                new Place("SH-PEOPLESQ", "People's Square"))), sightings, keys, shared, fixtures.clock(), registry);
    }

    @Benchmark
    public Passback.Applied apply() {
        return passback.apply(scene, "SH-L2-PEOPLESQ-G01", verdicts[i++ & (BenchFixtures.CODES - 1)]);
    }

    @Benchmark
    public PersonKey personKey() {
        return keys.of(people[i++ & (BenchFixtures.CODES - 1)]);
    }
}
